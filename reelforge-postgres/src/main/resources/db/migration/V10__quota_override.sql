-- Per-user quota overrides an admin sets (seed 004 §8): one row per user and metered kind; a
-- missing row means the server's default (reelforge.limits.*). Zero means unlimited, as there.
create table quota_override (
    owner_id   uuid        not null references app_user (id) on delete cascade,
    kind       text        not null check (kind in ('script', 'render', 'image', 'video')),
    daily      integer     not null check (daily >= 0),
    monthly    integer     not null check (monthly >= 0),
    updated_at timestamptz not null,
    primary key (owner_id, kind)
);
