-- Webhooks (core.webhooks.WebhookStore): users' endpoints and the delivery log.
create table webhook_endpoint (
    id         uuid        primary key,
    owner_id   uuid        not null,
    url        text        not null,
    -- Kept as given: every delivery is signed with it (HMAC), so it cannot be a one-way hash.
    secret     text        not null,
    events     text[]      not null,
    active     boolean     not null default true,
    created_at timestamptz not null
);
create index webhook_endpoint_owner_idx on webhook_endpoint (owner_id);

create table webhook_delivery (
    id              uuid        primary key,
    endpoint_id     uuid        not null references webhook_endpoint (id) on delete cascade,
    event_id        text        not null,
    run_id          uuid        not null,
    type            text        not null,
    payload         text        not null,
    status          text        not null check (status in ('pending', 'delivered', 'failed')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    last_status     integer,
    last_error      text,
    created_at      timestamptz not null,
    delivered_at    timestamptz,
    unique (endpoint_id, event_id)
);
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at)
    where status = 'pending';
create index webhook_delivery_log_idx on webhook_delivery (endpoint_id, created_at desc);

-- Where the fan-out stands in the event log (one row; its lock orders the nodes).
create table webhook_cursor (
    id       integer primary key check (id = 1),
    position text    not null
);
