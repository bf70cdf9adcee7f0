-- Every ReelForge process records its start here. Operators see which processes share the
-- database; later the dashboard shows workers from it.
create table node (
    id            uuid        primary key,
    hostname      text        not null,
    pid           bigint      not null,
    version       text        not null,
    roles         text[]      not null,
    started_at    timestamptz not null,
    last_seen_at  timestamptz not null,
    stopped_at    timestamptz
);

create index node_started_at_idx on node (started_at desc);
