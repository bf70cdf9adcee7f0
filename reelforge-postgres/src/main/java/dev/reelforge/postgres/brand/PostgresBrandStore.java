package dev.reelforge.postgres.brand;

import static dev.reelforge.postgres.brand.internal.BrandRows.BOARD_COLUMNS;
import static dev.reelforge.postgres.brand.internal.BrandRows.JOB_COLUMNS;
import static dev.reelforge.postgres.brand.internal.BrandRows.score;
import static dev.reelforge.postgres.brand.internal.BrandRows.utc;
import static dev.reelforge.postgres.brand.internal.Refusals.refusingBadValues;

import dev.reelforge.core.brand.BrandStore;
import dev.reelforge.core.brand.Scores;
import dev.reelforge.core.brand.Storyboard;
import dev.reelforge.core.brand.StylePreset;
import dev.reelforge.core.brand.VisionJob;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.postgres.brand.internal.BrandRows;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link BrandStore} on PostgreSQL: {@code vision_job}, {@code director_storyboard} and {@code
 * style_preset} (V11). Deduplication races on a unique index rather than a read-then-write, a
 * storyboard's update is a compare-and-set on its version, and a soft delete of a vision job takes
 * its storyboards in the same statement.
 */
public final class PostgresBrandStore implements BrandStore {

  /**
   * How often an insert retries when the live job it collided with was deleted before it could be
   * read: each retry needs another delete to land in the same instant, so two is plenty.
   */
  private static final int DEDUPLICATION_ATTEMPTS = 3;

  private final JdbcClient jdbc;
  private final Clock clock;

  public PostgresBrandStore(DataSource dataSource, Clock clock) {
    this.jdbc = JdbcClient.create(dataSource);
    this.clock = clock;
  }

  // --- vision jobs ---

  @Override
  public Insert insert(VisionJob job) {
    for (int attempt = 0; attempt < DEDUPLICATION_ATTEMPTS; attempt++) {
      Optional<VisionJob> inserted = refusingBadValues("vision job", () -> tryInsert(job));
      if (inserted.isPresent()) {
        return new Insert(inserted.get(), false);
      }
      Optional<VisionJob> earlier = liveWithHash(job.ownerId(), job.fileHash());
      if (earlier.isPresent()) {
        return new Insert(earlier.get(), true);
      }
      // The job this one collided with was deleted in between: the hash is free again.
    }
    throw new ReelForgeException(
        ErrorCode.CONFLICT, "the same file was uploaded and deleted concurrently; try again");
  }

  private Optional<VisionJob> tryInsert(VisionJob job) {
    return jdbc.sql(
            """
            insert into vision_job (id, owner_id, run_id, image_key, original_filename,
                stored_filename, mime_type, file_size, file_hash, status, analysis_data,
                physics_score, vibe_score, logic_score, integrity_score, brand_essence_prompt,
                style_reference_key, style_reference, flagged_reason, error_message, retry_count,
                created_at, updated_at, processed_at)
            values (:id, :owner, :run, :imageKey, :originalFilename, :storedFilename, :mimeType,
                :fileSize, :fileHash, :status, cast(:analysis as jsonb), :physics, :vibe, :logic,
                :integrity, :essence, :styleKey, cast(:styleReference as jsonb), :flagged, :error,
                :retries, :created, :updated, :processed)
            on conflict (owner_id, file_hash) where deleted_at is null do nothing
            returning\s"""
                + JOB_COLUMNS)
        .param("id", job.id())
        .param("owner", job.ownerId())
        .param("imageKey", job.imageKey())
        .param("originalFilename", job.originalFilename())
        .param("storedFilename", job.storedFilename())
        .param("mimeType", job.mimeType())
        .param("fileSize", job.fileSize())
        .param("fileHash", job.fileHash())
        .param("created", utc(job.createdAt()))
        .params(mutableFields(job))
        .query(BrandRows::visionJob)
        .optional();
  }

  private Optional<VisionJob> liveWithHash(UUID ownerId, String fileHash) {
    return jdbc.sql(
            "select "
                + JOB_COLUMNS
                + " from vision_job where owner_id = :owner and file_hash = :hash"
                + " and deleted_at is null")
        .param("owner", ownerId)
        .param("hash", fileHash)
        .query(BrandRows::visionJob)
        .optional();
  }

  @Override
  public Optional<VisionJob> visionJob(UUID ownerId, UUID id) {
    return jdbc.sql(
            "select "
                + JOB_COLUMNS
                + " from vision_job where id = :id and owner_id = :owner and deleted_at is null")
        .param("id", id)
        .param("owner", ownerId)
        .query(BrandRows::visionJob)
        .optional();
  }

  @Override
  public Optional<VisionJob> visionJob(UUID id) {
    return jdbc.sql(
            "select " + JOB_COLUMNS + " from vision_job where id = :id and deleted_at is null")
        .param("id", id)
        .query(BrandRows::visionJob)
        .optional();
  }

  @Override
  public List<VisionJob> visionJobs(UUID ownerId, int limit) {
    return jdbc.sql(
            "select "
                + JOB_COLUMNS
                + " from vision_job where owner_id = :owner and deleted_at is null"
                + " order by created_at desc, id desc limit :limit")
        .param("owner", ownerId)
        .param("limit", limit)
        .query(BrandRows::visionJob)
        .list();
  }

  @Override
  public VisionJob update(VisionJob job) {
    return refusingBadValues(
            "vision job",
            () ->
                jdbc.sql(
                        """
                        update vision_job set run_id = :run, status = :status,
                            analysis_data = cast(:analysis as jsonb), physics_score = :physics,
                            vibe_score = :vibe, logic_score = :logic, integrity_score = :integrity,
                            brand_essence_prompt = :essence, style_reference_key = :styleKey,
                            style_reference = cast(:styleReference as jsonb),
                            flagged_reason = :flagged, error_message = :error,
                            retry_count = :retries, updated_at = :updated,
                            processed_at = :processed
                        where id = :id and owner_id = :owner and deleted_at is null
                        returning\s"""
                            + JOB_COLUMNS)
                    .param("id", job.id())
                    .param("owner", job.ownerId())
                    .params(mutableFields(job))
                    .query(BrandRows::visionJob)
                    .optional())
        .orElseThrow(() -> ReelForgeException.notFound("vision job", job.id()));
  }

  /** The fields an update replaces, shared by insert and update. */
  private static Map<String, Object> mutableFields(VisionJob job) {
    Optional<Scores> scores = job.scores();
    Map<String, Object> fields = new HashMap<>();
    fields.put("run", job.runId().orElse(null));
    fields.put("status", job.status().wire());
    fields.put("analysis", job.analysisJson().orElse(null));
    fields.put("physics", score(scores, Scores::physics));
    fields.put("vibe", score(scores, Scores::vibe));
    fields.put("logic", score(scores, Scores::logic));
    fields.put("integrity", score(scores, Scores::integrity));
    fields.put("essence", job.brandEssencePrompt().orElse(null));
    fields.put("styleKey", job.styleReferenceKey().orElse(null));
    fields.put("styleReference", job.styleReferenceJson().orElse(null));
    fields.put("flagged", job.flaggedReason().orElse(null));
    fields.put("error", job.errorMessage().orElse(null));
    fields.put("retries", job.retryCount());
    fields.put("updated", utc(job.updatedAt()));
    fields.put("processed", utc(job.processedAt()));
    return fields;
  }

  @Override
  public boolean deleteVisionJob(UUID ownerId, UUID id) {
    // One statement: the job and its storyboards are deleted together or not at all.
    return jdbc.sql(
                """
                with job as (
                    update vision_job set deleted_at = :now
                    where id = :id and owner_id = :owner and deleted_at is null
                    returning id),
                boards as (
                    update director_storyboard set deleted_at = :now
                    where job_id in (select id from job) and deleted_at is null
                    returning id)
                select count(*) from job
                """)
            .param("id", id)
            .param("owner", ownerId)
            .param("now", utc(clock.instant()))
            .query(Integer.class)
            .single()
        == 1;
  }

  // --- storyboards ---

  @Override
  public Storyboard insert(Storyboard storyboard) {
    // The storyboard takes its owner from the live vision job it names, so that it cannot be
    // filed under another owner's job.
    return refusingBadValues(
            "storyboard",
            () ->
                jdbc.sql(
                        """
                        insert into director_storyboard (id, job_id, owner_id, run_id,
                            production_engine, routing_reason, status, style_preset, scenes_data,
                            conversation_history, result, credits_used, error_message, version,
                            created_at, updated_at, completed_at)
                        select :id, j.id, j.owner_id, :run, :engine, :reason, :status, :preset,
                            cast(:scenes as jsonb), cast(:conversation as jsonb),
                            cast(:result as jsonb), :credits, :error, 1, :created, :updated,
                            :completed
                        from vision_job j
                        where j.id = :job and j.owner_id = :owner and j.deleted_at is null
                        returning\s"""
                            + BOARD_COLUMNS)
                    .param("id", storyboard.id())
                    .param("job", storyboard.jobId())
                    .param("owner", storyboard.ownerId())
                    .param("created", utc(storyboard.createdAt()))
                    .params(mutableFields(storyboard))
                    .query(BrandRows::storyboard)
                    .optional())
        .orElseThrow(() -> ReelForgeException.notFound("vision job", storyboard.jobId()));
  }

  @Override
  public Optional<Storyboard> storyboard(UUID ownerId, UUID id) {
    return jdbc.sql(
            "select "
                + BOARD_COLUMNS
                + " from director_storyboard where id = :id and owner_id = :owner"
                + " and deleted_at is null")
        .param("id", id)
        .param("owner", ownerId)
        .query(BrandRows::storyboard)
        .optional();
  }

  @Override
  public Optional<Storyboard> storyboard(UUID id) {
    return jdbc.sql(
            "select "
                + BOARD_COLUMNS
                + " from director_storyboard where id = :id and deleted_at is null")
        .param("id", id)
        .query(BrandRows::storyboard)
        .optional();
  }

  @Override
  public Optional<Storyboard> storyboardOfScene(UUID ownerId, UUID sceneId) {
    // Scenes live in the storyboard's JSONB array; containment finds the one holding the id.
    return jdbc.sql(
            "select "
                + BOARD_COLUMNS
                + " from director_storyboard where owner_id = :owner and deleted_at is null"
                + " and scenes_data @> cast(:probe as jsonb)")
        .param("owner", ownerId)
        .param("probe", "[{\"id\":\"" + sceneId + "\"}]")
        .query(BrandRows::storyboard)
        .optional();
  }

  @Override
  public List<Storyboard> storyboardsOf(UUID ownerId, UUID jobId) {
    return jdbc.sql(
            "select "
                + BOARD_COLUMNS
                + " from director_storyboard where job_id = :job and owner_id = :owner"
                + " and deleted_at is null order by created_at desc, id desc")
        .param("job", jobId)
        .param("owner", ownerId)
        .query(BrandRows::storyboard)
        .list();
  }

  @Override
  public Optional<Storyboard> update(Storyboard storyboard) {
    return refusingBadValues(
        "storyboard",
        () ->
            jdbc.sql(
                    """
                    update director_storyboard set run_id = :run, production_engine = :engine,
                        routing_reason = :reason, status = :status, style_preset = :preset,
                        scenes_data = cast(:scenes as jsonb),
                        conversation_history = cast(:conversation as jsonb),
                        result = cast(:result as jsonb), credits_used = :credits,
                        error_message = :error, version = version + 1, updated_at = :updated,
                        completed_at = :completed
                    where id = :id and owner_id = :owner and version = :version
                        and deleted_at is null
                    returning\s"""
                        + BOARD_COLUMNS)
                .param("id", storyboard.id())
                .param("owner", storyboard.ownerId())
                .param("version", storyboard.version())
                .params(mutableFields(storyboard))
                .query(BrandRows::storyboard)
                .optional());
  }

  private static Map<String, Object> mutableFields(Storyboard storyboard) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("run", storyboard.runId().orElse(null));
    fields.put("engine", storyboard.productionEngine());
    fields.put("reason", storyboard.routingReason());
    fields.put("status", storyboard.status().wire());
    fields.put("preset", storyboard.stylePreset().orElse(null));
    fields.put("scenes", storyboard.scenesJson());
    fields.put("conversation", storyboard.conversationJson());
    fields.put("result", storyboard.resultJson().orElse(null));
    fields.put("credits", storyboard.creditsUsed());
    fields.put("error", storyboard.errorMessage().orElse(null));
    fields.put("updated", utc(storyboard.updatedAt()));
    fields.put("completed", utc(storyboard.completedAt()));
    return fields;
  }

  // --- presets ---

  @Override
  public List<StylePreset> stylePresets() {
    return jdbc.sql(
            "select id, name, description, prompt_layer, category, is_premium, sort_order"
                + " from style_preset where is_active order by sort_order, id")
        .query(BrandRows::stylePreset)
        .list();
  }
}
