-- Story sessions (seed 000's story.json): a user's script, shot plan and chosen visuals between
-- the session routes, as one JSON document with an optimistic-locking version.
create table story_session (
    id          text        primary key,
    owner_id    uuid        not null,
    document    jsonb       not null,
    version     bigint      not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);

create index story_session_owner_idx on story_session (owner_id, created_at desc);
