-- Each user's own moderation preset and region toggles (issue 27): one row per user, none means
-- the server default (reelforge.moderation.*). Names only: they are checked against the configured
-- presets and toggles when set, and resolved into a policy when a run reaches the gate. The row
-- goes with its user (the right to erasure deletes app_user).
create table moderation_preference (
    owner_id   uuid        primary key references app_user (id) on delete cascade,
    preset     text        not null check (preset <> ''),
    regions    text[]      not null default '{}',
    updated_at timestamptz not null
);
