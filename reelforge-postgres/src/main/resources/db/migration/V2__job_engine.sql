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
    -- Sequence number of the run's last event; bumped under the run's row lock, so event numbers
    -- of a run have no gaps and follow commit order.
    last_event_seq   bigint      not null default 0,
    created_at       timestamptz not null,
    started_at       timestamptz,
    completed_at     timestamptz,
    updated_at       timestamptz not null,
    -- NULL keys do not collide, so runs without a key are never merged.
    constraint run_owner_idempotency_key unique (owner_id, idempotency_key)
);

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
);

-- The claim query walks this index: ready tasks of a queue, best priority first, then oldest.
create index task_claim_idx on task (queue, priority desc, run_after, id) where status = 'ready';
create index task_lease_idx on task (lease_expires_at) where status = 'running';
create index task_run_idx on task (run_id);
create index task_status_idx on task (status, queue, updated_at);

create table run_event (
    run_id     uuid        not null references run (id) on delete cascade,
    seq        bigint      not null,
    type       text        not null,
    stage      text,
    data       jsonb       not null,
    created_at timestamptz not null,
    primary key (run_id, seq)
);
