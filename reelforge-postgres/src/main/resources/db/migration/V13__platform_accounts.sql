-- Platform accounts (core.publish.accounts.PlatformAccountStore): the YouTube channels, TikTok
-- users, Instagram professional accounts and Facebook pages users connected, and the OAuth 2
-- authorizations they started and the platform has not answered yet.
create table platform_account (
    id                    uuid        primary key,
    owner_id              uuid        not null,
    platform              text        not null
        check (platform in ('youtube', 'tiktok', 'instagram', 'facebook')),
    -- Where posts go: channel id, open_id, IG user id, page id.
    external_id           text        not null,
    display_name          text        not null,
    -- As OAuth writes them: separated by spaces.
    scopes                text        not null,
    -- Sealed by TokenSealer (AES-256-GCM, 'v1.KEYID.…'), never in clear; '' when none.
    access_token          text        not null,
    refresh_token         text        not null,
    token_expires_at      timestamptz,
    connected_at          timestamptz not null,
    status                text        not null check (status in ('connected', 'needs_reconnect')),
    -- Incremented by every change: compare-and-set for refreshes.
    version               bigint      not null,
    -- Held by the one refresher spending the refresh token (rotating tokens work once).
    refresh_claimed_until timestamptz,
    unique (owner_id, platform, external_id)
);
create index platform_account_owner_idx on platform_account (owner_id);

create table platform_authorization (
    state         text        primary key,
    owner_id      uuid        not null,
    platform      text        not null,
    -- The PKCE verifier ('' for Meta): worthless without the code the platform sends the browser.
    code_verifier text        not null,
    redirect_uri  text        not null,
    expires_at    timestamptz not null
);
create index platform_authorization_owner_idx on platform_authorization (owner_id);
create index platform_authorization_expiry_idx on platform_authorization (expires_at);
