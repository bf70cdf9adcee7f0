-- Long video → clips (seed 003): an uploaded source and its probe (clip_source), the highlight
-- candidates of its latest analysis (clip_candidate), the exports asked of it (clip_export) and the
-- resumable uploads still under way (clip_upload): core.clips.ClipStore. Erasing a user removes
-- them all (the foreign keys cascade: sources and uploads with the user, candidates and exports with
-- their source). Run ids are not foreign keys: a source or export outlives the run's record.

create table clip_source (
    id                         uuid             primary key,
    owner_id                   uuid             not null references app_user (id) on delete cascade,
    name                       text             not null,
    -- Names inside the source's folder of the clips store (clips.ClipFiles).
    file_key                   text             not null,
    size_bytes                 bigint           not null check (size_bytes >= 0),
    -- core.clips.SourceProbe; audio_codec is '' for a file without audio.
    container                  text             not null,
    video_codec                text             not null,
    audio_codec                text             not null,
    duration_millis            bigint           not null,
    width                      integer          not null,
    height                     integer          not null,
    fps                        double precision not null,
    subtitle_key               text,
    status                     text             not null
                                                check (status in ('uploaded', 'analysing',
                                                                  'analysed', 'failed')),
    analysis_run_id            uuid,
    -- core.transcript.TranscriptSource: all three or none.
    transcript_engine          text,
    transcript_version         text,
    transcript_words_estimated boolean,
    created_at                 timestamptz      not null,
    constraint clip_source_transcript_together check (
        num_nulls(transcript_engine, transcript_version, transcript_words_estimated) in (0, 3))
);

create index clip_source_owner_idx on clip_source (owner_id, created_at desc, id desc);

create table clip_candidate (
    id               uuid             primary key,
    source_id        uuid             not null references clip_source (id) on delete cascade,
    rank             integer          not null,
    start_millis     bigint           not null check (start_millis >= 0),
    end_millis       bigint           not null,
    title            text             not null,
    score            double precision not null,
    -- Strongest first.
    reasons          text[]           not null,
    state            text             not null check (state in ('proposed', 'kept', 'discarded')),
    -- core.clips.ReframeOverride: none, a blurred fit, or a crop at a centre in [0,1].
    reframe_fit      boolean,
    reframe_center_x double precision check (reframe_center_x between 0 and 1),
    constraint clip_candidate_length check (end_millis > start_millis),
    constraint clip_candidate_reframe check (
        (reframe_fit is null and reframe_center_x is null)
        or (reframe_fit and reframe_center_x is null)
        or (not reframe_fit and reframe_center_x is not null))
);

create index clip_candidate_source_idx on clip_candidate (source_id, rank, id);

create table clip_export (
    id            uuid        primary key,
    source_id     uuid        not null references clip_source (id) on delete cascade,
    owner_id      uuid        not null references app_user (id) on delete cascade,
    run_id        uuid        not null,
    -- In the order asked.
    candidate_ids uuid[]      not null,
    presets       text[]      not null,
    created_at    timestamptz not null
);

create index clip_export_source_idx on clip_export (source_id, created_at desc, id desc);
create index clip_export_owner_idx on clip_export (owner_id);

create table clip_upload (
    id             uuid        primary key,
    owner_id       uuid        not null references app_user (id) on delete cascade,
    name           text        not null,
    total_bytes    bigint      not null check (total_bytes > 0),
    received_bytes bigint      not null check (received_bytes >= 0 and received_bytes <= total_bytes),
    -- Relative to the clips store's staging area.
    staging_key    text        not null,
    created_at     timestamptz not null,
    expires_at     timestamptz not null
);

-- What the upkeep polls: uploads by expiry.
create index clip_upload_expiry_idx on clip_upload (expires_at, id);
create index clip_upload_owner_idx on clip_upload (owner_id);
