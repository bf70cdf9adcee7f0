-- The brand director (seed 001 §3): a brand image and its analysis (vision_job, seed 001's
-- vision_jobs), the director's storyboards of it (director_storyboard, seed 001's
-- vision_job_video_prompts) and the selectable looks (style_preset). Rows are soft-deleted
-- (seed 001 §5.5); erasing a user removes them with the user (the foreign keys cascade).

create table vision_job (
    id                   uuid         primary key,
    owner_id             uuid         not null references app_user (id) on delete cascade,
    run_id               uuid,
    -- The upload, as stored in the blob store (seed 001's image_url is a key here: URLs are signed
    -- when read).
    image_key            text         not null,
    original_filename    varchar(255) not null,
    stored_filename      varchar(255) not null,
    mime_type            varchar(50)  not null
                                      check (mime_type in ('image/jpeg', 'image/png', 'image/webp')),
    file_size            bigint       not null check (file_size >= 0),
    -- SHA-256 of the bytes, hex: the same file twice is the same job (one live row per owner).
    file_hash            varchar(64)  not null,
    status               varchar(20)  not null default 'pending'
                                      check (status in ('pending', 'analyzing', 'completed',
                                                        'flagged', 'failed')),
    analysis_data        jsonb,
    -- The scores, denormalised for routing queries; all four or none.
    physics_score        numeric(3,2) check (physics_score between 0 and 1),
    vibe_score           numeric(3,2) check (vibe_score between 0 and 1),
    logic_score          numeric(3,2) check (logic_score between 0 and 1),
    integrity_score      numeric(3,2) check (integrity_score between 0 and 1),
    brand_essence_prompt text,
    style_reference_key  text,
    style_reference      jsonb,
    flagged_reason       text,
    error_message        text,
    retry_count          integer      not null default 0 check (retry_count >= 0),
    created_at           timestamptz  not null,
    updated_at           timestamptz  not null,
    processed_at         timestamptz,
    deleted_at           timestamptz,
    constraint vision_job_scores_together check (
        num_nulls(physics_score, vibe_score, logic_score, integrity_score) in (0, 4))
);

create index vision_job_owner_idx on vision_job (owner_id, created_at desc);
create index vision_job_status_idx on vision_job (status);
create index vision_job_created_idx on vision_job (created_at desc);
create index vision_job_owner_status_idx on vision_job (owner_id, status);
create index vision_job_routing_idx on vision_job (physics_score, vibe_score, logic_score);
-- Deduplication: inserts race on this index (insert … on conflict do nothing).
create unique index vision_job_owner_hash_idx on vision_job (owner_id, file_hash)
    where deleted_at is null;

create table director_storyboard (
    id                   uuid          primary key,
    job_id               uuid          not null references vision_job (id) on delete cascade,
    -- The vision job's owner, kept here so that owner-scoped reads need no join.
    owner_id             uuid          not null,
    run_id               uuid,
    production_engine    varchar(20)   not null
                                       check (production_engine in ('KLING', 'LUMA', 'GEMINI_PRO')),
    routing_reason       text,
    status               varchar(30)   not null default 'scripting'
                                       check (status in ('scripting', 'preview_generation', 'review',
                                                         'rendering', 'completed', 'failed')),
    style_preset         varchar(50),
    scenes_data          jsonb         not null default '[]',
    conversation_history jsonb         not null default '[]',
    result               jsonb,
    credits_used         numeric(10,2) not null default 0 check (credits_used >= 0),
    error_message        text,
    -- Optimistic locking: every update names the version it read.
    version              bigint        not null check (version >= 1),
    created_at           timestamptz   not null,
    updated_at           timestamptz   not null,
    completed_at         timestamptz,
    deleted_at           timestamptz
);

create index director_storyboard_job_idx on director_storyboard (job_id, created_at desc);
create index director_storyboard_owner_idx on director_storyboard (owner_id);
create index director_storyboard_status_idx on director_storyboard (status);
create index director_storyboard_engine_idx on director_storyboard (production_engine);

create table style_preset (
    id             varchar(50)  primary key,
    name           varchar(100) not null,
    description    text,
    prompt_layer   text         not null,
    -- Seed 001's hidden reference image; none of the presets shipped here has one.
    hidden_ref_url text,
    category       varchar(50)  not null,
    is_premium     boolean      not null default false,
    is_active      boolean      not null default true,
    sort_order     integer      not null default 0,
    created_at     timestamptz  not null default now(),
    updated_at     timestamptz  not null default now()
);

create index style_preset_category_idx on style_preset (category);
create index style_preset_active_idx on style_preset (is_active);

-- The same presets as core.brand.memory.SeededStylePresets (a test holds them equal).
insert into style_preset (id, name, description, prompt_layer, category, is_premium, sort_order)
values
    ('cinematic', 'Cinematic',
     'Anamorphic film look with shallow depth of field and a graded palette.',
     'cinematic anamorphic 2.39:1 framing, shallow depth of field, soft highlight roll-off, '
         || 'subtle film grain, teal-and-amber colour grade, motivated key light, gentle haze',
     'film', false, 10),
    ('clean-product', 'Clean product',
     'Studio product shot on a seamless background, every edge crisp.',
     'studio product photography, seamless neutral backdrop, large softbox key with rim light, '
         || 'crisp edges, true-to-life colour, soft contact shadow, slow turntable motion',
     'product', false, 20),
    ('luxury-noir', 'Luxury noir',
     'Low-key premium look: deep blacks, specular highlights, slow reveals.',
     'low-key lighting, deep blacks, hard specular highlights on glossy surfaces, '
         || 'slow dolly reveal, smoke and reflections, gold accents, restrained palette',
     'premium', true, 30),
    ('vibrant-pop', 'Vibrant pop',
     'Saturated colour blocks and energetic motion for social feeds.',
     'bold saturated colour blocking, high-key even light, punchy contrast, playful quick '
         || 'camera moves, graphic compositions, confetti and bouncing props',
     'social', false, 40),
    ('natural-light', 'Natural light',
     'Soft daylight, honest textures, lifestyle framing.',
     'soft window daylight, natural textures, warm neutral white balance, handheld '
         || 'documentary framing, lived-in lifestyle setting, gentle lens breathing',
     'lifestyle', false, 50),
    ('retro-film', 'Retro film',
     'Seventies 35 mm stock: warm fade, halation and grain.',
     '1970s 35mm film stock, warm faded colours, lifted blacks, halation around highlights, '
         || 'visible grain, slow zooms, vintage props and typography',
     'film', false, 60);

-- Seed 001's audit_logs: where a request came from.
alter table audit_log add column ip_address varchar(45), add column user_agent text;
