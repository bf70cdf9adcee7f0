-- The checksum registry (core.storage.BlobRegistry): every key in the blob store with the SHA-256
-- of its bytes, the object that holds them (shared by keys with identical content) and when the
-- retention cleanup removes it. Keys name sessions, not people: whose a key is follows from the
-- story_session that owns its prefix, so erasing a user deletes their sessions' prefixes.
create table blob_object (
    key        text        primary key,
    object_key text        not null,
    sha256     char(64)    not null,
    size       bigint      not null check (size >= 0),
    retention  text        not null check (retention in ('short', 'standard', 'long')),
    created_at timestamptz not null,
    expires_at timestamptz not null
);
create index blob_object_sha256_idx on blob_object (sha256);
create index blob_object_object_key_idx on blob_object (object_key);
create index blob_object_expires_idx on blob_object (expires_at);
-- Prefix scans (a session's folder) use the primary key with text_pattern_ops semantics.
create index blob_object_key_prefix_idx on blob_object (key text_pattern_ops);
