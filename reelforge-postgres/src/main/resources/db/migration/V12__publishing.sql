-- Publishing (seed 002): publications of a finished run, one target per platform with its own
-- status (publication_target), the platform quota used per scope (quota_usage), and the licensing
-- evidence kept with each run (licence_evidence). Erasing a user removes its publications and
-- their targets (the foreign keys cascade); a run's evidence goes with the run.

create table publication (
    id         uuid        primary key,
    owner_id   uuid        not null references app_user (id) on delete cascade,
    run_id     uuid        not null,
    format     text        not null,
    created_at timestamptz not null
);

create index publication_owner_idx on publication (owner_id, created_at desc, id desc);
create index publication_run_idx on publication (run_id, created_at desc, id desc);

create table publication_target (
    id             uuid        primary key,
    publication_id uuid        not null references publication (id) on delete cascade,
    -- The order the targets were asked for in.
    position       integer     not null check (position >= 0),
    platform       text        not null
                               check (platform in ('local', 'youtube', 'tiktok', 'instagram',
                                                   'facebook')),
    -- A connected platform account; null for the local folder. Accounts live in their own table
    -- (V13), which this one does not reference: a revoked account leaves its posts' history.
    account_id     uuid,
    -- {"title", "description", "hashtags": [...], "locale"}: core.publish.PostMetadata.
    metadata       jsonb       not null,
    privacy        text        not null,
    schedule_at    timestamptz,
    status         text        not null
                               check (status in ('scheduled', 'queued', 'uploading', 'processing',
                                                 'deferred', 'published', 'failed', 'cancelled')),
    job_run_id     uuid,
    post_id        text        not null default '',
    url            text        not null default '',
    message        text        not null default '',
    deferred_until timestamptz,
    updated_at     timestamptz not null,
    unique (publication_id, position)
);

-- What the scheduler polls: scheduled targets by their time.
create index publication_target_due_idx on publication_target (schedule_at nulls first, id)
    where status = 'scheduled';
-- The calendar: targets by the time they are scheduled or deferred to.
create index publication_target_schedule_idx on publication_target (schedule_at)
    where schedule_at is not null;
create index publication_target_deferred_idx on publication_target (deferred_until)
    where deferred_until is not null;

-- Platform quota used: one row per target that reserved units in a scope (a platform and account,
-- e.g. youtube:<account>), so that a retried upload is counted once. Rows hold no user data and
-- outlive the publication: the platform keeps counting an upload after it is deleted here.
create table quota_usage (
    scope     text        not null,
    target_id uuid        not null,
    units     integer     not null check (units > 0),
    used_at   timestamptz not null,
    primary key (scope, target_id)
);

create index quota_usage_window_idx on quota_usage (scope, used_at);

-- The licensing evidence of each media item a run shows or plays, in recording order
-- (core.licence.LicenceEvidence); replaced whole when a stage records again.
create table licence_evidence (
    run_id            uuid        not null references run (id) on delete cascade,
    position          integer     not null check (position >= 0),
    item              text        not null,
    kind              text        not null,
    source            text        not null,
    author            text        not null,
    licence           text        not null,
    url               text        not null,
    prompt            text        not null,
    provider_response text        not null,
    receipt           text        not null,
    recorded_at       timestamptz not null,
    primary key (run_id, position)
);
