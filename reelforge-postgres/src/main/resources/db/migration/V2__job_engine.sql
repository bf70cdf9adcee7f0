-- The job engine: runs (what users start), tasks (one per stage of a run, claimed by workers
-- under a lease) and each run's event log. See docs/architecture.md, "Job engine".

create table run (
    id               uuid        primary key,
    owner_id         uuid        not null,
    kind             text        not null,
    status           text        not null check (status in
                         ('queued', 'running', 'awaiting_review', 'succeeded', 'failed', 'cancelled')),
    current_stage    text,
    priority         integer     not null default 0,
    inputs           jsonb       not null,
    artifacts        jsonb       not null default '{}'::jsonb,
    error_code       text,
    error_message    text,
    error_stage      text,
    error_retryable  boolean,
    credits_charged  boolean     not null default false,
    credits_amount   bigint      not null default 0,
    credits_refunded boolean     not null default false,
    idempotency_key  text,
    created_at       timestamptz not null,
    started_at       timestamptz,
    completed_at     timestamptz,
    updated_at       timestamptz not null,
    -- NULL keys do not collide, so runs without a key are never merged.
    constraint run_owner_idempotency_key unique (owner_id, idempotency_key)
) with (fillfactor = 80);

create index run_owner_idx on run (owner_id, id desc);
create index run_status_idx on run (status, id desc);

create table task (
    id               uuid        primary key,
    run_id           uuid        not null references run (id) on delete cascade,
    owner_id         uuid        not null,
    kind             text        not null,
    stage            text        not null,
    queue            text        not null,
    priority         integer     not null,
    status           text        not null check (status in
                         ('blocked', 'ready', 'running', 'awaiting_review', 'succeeded', 'dead', 'cancelled')),
    depends_on       text[]      not null,
    -- Dependencies not yet succeeded; the task becomes ready when it reaches 0 (fan-in).
    pending_deps     integer     not null,
    required_tags    text[]      not null,
    attempt          integer     not null default 0,
    max_attempts     integer     not null,
    timeout_ms       bigint      not null,
    run_after        timestamptz not null,
    lease_owner      text,
    lease_expires_at timestamptz,
    cancel_requested boolean     not null default false,
    checkpoint       jsonb,
    output           jsonb,
    review_proposal  jsonb,
    review_signal    jsonb,
    progress         double precision not null default 0,
    progress_message text,
    error_code       text,
    error_message    text,
    error_retryable  boolean,
    created_at       timestamptz not null,
    started_at       timestamptz,
    completed_at     timestamptz,
    updated_at       timestamptz not null,
    constraint task_run_stage unique (run_id, stage)
) with (fillfactor = 80); -- room for HOT updates: leases and progress change a task many times

-- The claim query walks this index: ready tasks of a queue, best priority first, then oldest.
create index task_claim_idx on task (queue, priority desc, run_after, id) where status = 'ready';
create index task_lease_idx on task (lease_expires_at) where status = 'running';
-- Lookups by run use the (run_id, stage) unique index; no separate index on run_id.
-- Operators list dead letters and reviews; partial indexes stay small and are not touched by
-- the updates of ordinary running tasks.
create index task_dead_idx on task (queue, updated_at) where status = 'dead';
create index task_review_idx on task (updated_at) where status = 'awaiting_review';

-- Events are only inserted by a transaction that holds the run's row lock, so the ids of one
-- run's events grow in commit order: a reader that saw id n misses nothing by asking for ids > n.
create table run_event (
    id         bigserial,
    run_id     uuid        not null references run (id) on delete cascade,
    type       text        not null,
    stage      text,
    data       jsonb       not null,
    created_at timestamptz not null,
    -- One index serves both reading a run's log from an id onward and uniqueness.
    primary key (run_id, id)
);
