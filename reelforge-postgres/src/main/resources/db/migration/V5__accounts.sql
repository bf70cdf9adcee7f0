-- Accounts and guardrails (SPEC §3): users and their credentials, credits, quotas, rate limits and
-- the audit log. Every counter lives here so that all app instances on one database share it.

create table app_user (
    id                       uuid        primary key,
    username                 text        not null,
    display_name             text        not null,
    role                     text        not null
                                         check (role in ('admin', 'operator', 'creator', 'viewer')),
    password_hash            text,
    password_change_required boolean     not null default false,
    oidc_issuer              text,
    oidc_subject             text,
    status                   text        not null default 'active'
                                         check (status in ('active', 'disabled')),
    abuse_flagged_at         timestamptz,
    created_at               timestamptz not null,
    updated_at               timestamptz not null
);

create unique index app_user_username_idx on app_user (lower(username));
create unique index app_user_oidc_idx on app_user (oidc_issuer, oidc_subject)
    where oidc_subject is not null;

-- Refresh tokens rotate: each use marks the token used and issues its successor in the same
-- family. A used token presented again is a replay, and revokes the whole family.
create table refresh_token (
    id          uuid        primary key,
    family_id   uuid        not null,
    user_id     uuid        not null references app_user (id) on delete cascade,
    token_hash  text        not null unique,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    revoked_at  timestamptz
);

create index refresh_token_family_idx on refresh_token (family_id);
create index refresh_token_user_idx on refresh_token (user_id);

-- API keys: only a hash is kept; the key itself is shown once, when it is made.
create table api_key (
    id           uuid        primary key,
    user_id      uuid        not null references app_user (id) on delete cascade,
    name         text        not null,
    prefix       text        not null,
    key_hash     text        not null unique,
    created_at   timestamptz not null,
    last_used_at timestamptz,
    revoked_at   timestamptz
);

create index api_key_user_idx on api_key (user_id);

-- Secrets every instance must agree on (the token signing key), made once by whichever starts
-- first.
create table server_secret (
    name       text        primary key,
    value      bytea       not null,
    created_at timestamptz not null
);

-- Credits: the balance row is what concurrent spenders lock; the ledger is the history, one row
-- per change, never updated. A run is debited once and refunded at most once.
create table credit_account (
    owner_id   uuid        primary key,
    balance    bigint      not null check (balance >= 0),
    updated_at timestamptz not null
);

create table credit_ledger (
    id            bigserial   primary key,
    owner_id      uuid        not null,
    amount        bigint      not null,
    balance_after bigint      not null,
    reason        text        not null check (reason in ('grant', 'debit', 'refund')),
    run_id        uuid,
    actor         text        not null,
    note          text,
    created_at    timestamptz not null
);

create index credit_ledger_owner_idx on credit_ledger (owner_id, id);
create unique index credit_ledger_once_per_run_idx on credit_ledger (run_id, reason)
    where run_id is not null;

-- The ledger is append-only; only the erasure of a user's data (right to delete) may remove rows,
-- and it says so for its own transaction.
create function credit_ledger_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and current_setting('reelforge.erasing', true) = 'on' then
        return old;
    end if;
    raise exception 'credit_ledger is append-only (% refused)', tg_op;
end;
$$;

create trigger credit_ledger_append_only before update or delete on credit_ledger
    for each row execute function credit_ledger_append_only();

-- Quotas: one row per unit of metered work, counted per day and month.
create table usage_event (
    id         bigserial   primary key,
    owner_id   uuid        not null,
    kind       text        not null,
    units      integer     not null,
    created_at timestamptz not null
);

create index usage_event_owner_idx on usage_event (owner_id, kind, created_at);

-- Rate limits: a fixed window per bucket (endpoint class + user or address); a request is
-- counted only when it is let through.
create table rate_limit_window (
    bucket       text        not null,
    window_start timestamptz not null,
    hits         integer     not null,
    expires_at   timestamptz not null,
    primary key (bucket, window_start)
);

create index rate_limit_window_expiry_idx on rate_limit_window (expires_at);

-- Audit log of admin and money actions, with the values before and after.
create table audit_log (
    id          bigserial   primary key,
    actor_id    uuid,
    actor       text        not null,
    action      text        not null,
    target_type text        not null,
    target_id   text        not null,
    before      jsonb,
    after       jsonb,
    request_id  text,
    created_at  timestamptz not null
);

create index audit_log_created_idx on audit_log (created_at desc);
create index audit_log_target_idx on audit_log (target_type, target_id);

-- Soft delete of story sessions (seed 001 §5.5): a deleted session answers 404.
alter table story_session add column deleted_at timestamptz;
