-- Idempotency keys (SPEC §3): the first request made with a key, and its answer once there is one,
-- kept per owner for the configured time so that a repeat gets the same answer.
create table idempotency_key (
    owner_id         uuid        not null,
    key              text        not null,
    request_hash     text        not null,
    claimed_at       timestamptz not null,
    expires_at       timestamptz not null,
    response_status  integer,
    response_type    text,
    response_body    bytea,
    primary key (owner_id, key)
);

create index idempotency_key_expiry_idx on idempotency_key (expires_at);
