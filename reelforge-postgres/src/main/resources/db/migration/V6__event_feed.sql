-- The event log read as one feed in commit order (core.jobs.RunEventFeed). Event ids are taken
-- at insert time, so two transactions' events can commit out of id order; the writing
-- transaction's id, read once every older transaction has finished, orders them exactly.
alter table run_event add column tx xid8 not null default pg_current_xact_id();
create index run_event_feed_idx on run_event (tx, id);
