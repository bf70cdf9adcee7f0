package dev.reelforge.postgres.clips;

import static dev.reelforge.postgres.clips.internal.ClipRows.candidateFields;
import static dev.reelforge.postgres.clips.internal.ClipRows.json;
import static dev.reelforge.postgres.clips.internal.ClipRows.sourceFields;
import static dev.reelforge.postgres.clips.internal.ClipRows.textArray;
import static dev.reelforge.postgres.clips.internal.ClipRows.utc;
import static dev.reelforge.postgres.clips.internal.ClipRows.uuidArray;

import dev.reelforge.core.clips.ClipCandidate;
import dev.reelforge.core.clips.ClipExport;
import dev.reelforge.core.clips.ClipSource;
import dev.reelforge.core.clips.ClipStore;
import dev.reelforge.core.clips.UploadSession;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.postgres.clips.internal.ClipRows;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link ClipStore} on PostgreSQL: {@code clip_source}, {@code clip_candidate}, {@code clip_export}
 * and {@code clip_upload} (V15). A change reads its row under the row lock ({@code select … for
 * update}), so that two nodes changing one row apply their changes one after the other, each to
 * what the other left. A new analysis's candidates replace the old in one transaction, under the
 * source's lock, so readers see one analysis whole and two analyses never mix.
 */
public final class PostgresClipStore implements ClipStore {

  private static final String CANDIDATE_COLUMNS =
      "id, source_id, rank, start_millis, end_millis, title, score, reasons, state, reframe_fit,"
          + " reframe_center_x";

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;

  public PostgresClipStore(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
    this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
  }

  @Override
  public void createSource(ClipSource source) {
    unique(
        "clip source " + source.id(),
        () ->
            jdbc.sql(
                    """
                    insert into clip_source (id, owner_id, name, file_key, size_bytes, container,
                        video_codec, audio_codec, duration_millis, width, height, fps,
                        subtitle_key, status, analysis_run_id, transcript_engine,
                        transcript_version, transcript_words_estimated, created_at)
                    values (:id, :owner, :name, :fileKey, :size, :container, :videoCodec,
                        :audioCodec, :duration, :width, :height, :fps, :subtitleKey, :status,
                        :analysisRun, :engine, :version, :estimated, :created)
                    """)
                .params(sourceFields(source))
                .update());
  }

  @Override
  public Optional<ClipSource> source(UUID sourceId) {
    return jdbc.sql("select * from clip_source where id = :id")
        .param("id", sourceId)
        .query(ClipRows::source)
        .optional();
  }

  @Override
  public List<ClipSource> sources(UUID ownerId, int limit) {
    return jdbc.sql(
            "select * from clip_source where owner_id = :owner"
                + " order by created_at desc, id desc limit :limit")
        .param("owner", ownerId)
        .param("limit", limit)
        .query(ClipRows::source)
        .list();
  }

  @Override
  public ClipSource updateSource(UUID sourceId, UnaryOperator<ClipSource> change) {
    return transactions.execute(
        status -> {
          // The row lock holds every other node's change to this source until this one commits.
          ClipSource before = lockedSource(sourceId);
          ClipSource after = change.apply(before);
          if (after == null
              || !after.id().equals(before.id())
              || !after.ownerId().equals(before.ownerId())) {
            throw new IllegalArgumentException(
                "a change to clip source " + sourceId + " may not change its id or owner");
          }
          return jdbc.sql(
                  """
                  update clip_source set name = :name, file_key = :fileKey, size_bytes = :size,
                      container = :container, video_codec = :videoCodec,
                      audio_codec = :audioCodec, duration_millis = :duration, width = :width,
                      height = :height, fps = :fps, subtitle_key = :subtitleKey,
                      status = :status, analysis_run_id = :analysisRun,
                      transcript_engine = :engine, transcript_version = :version,
                      transcript_words_estimated = :estimated, created_at = :created
                  where id = :id
                  returning *
                  """)
              .params(sourceFields(after))
              .query(ClipRows::source)
              .single();
        });
  }

  private ClipSource lockedSource(UUID sourceId) {
    return jdbc.sql("select * from clip_source where id = :id for update")
        .param("id", sourceId)
        .query(ClipRows::source)
        .optional()
        .orElseThrow(() -> ReelForgeException.notFound("clip source", sourceId));
  }

  @Override
  public void replaceCandidates(UUID sourceId, List<ClipCandidate> candidates) {
    for (ClipCandidate candidate : candidates) {
      if (!candidate.sourceId().equals(sourceId)) {
        throw new IllegalArgumentException(
            "candidate " + candidate.id() + " belongs to source " + candidate.sourceId());
      }
    }
    unique(
        "a clip candidate of source " + sourceId,
        () ->
            transactions.execute(
                status -> {
                  // The source's lock orders racing analyses: one replaces, then the next.
                  lockedSource(sourceId);
                  jdbc.sql("delete from clip_candidate where source_id = :source")
                      .param("source", sourceId)
                      .update();
                  for (ClipCandidate candidate : candidates) {
                    jdbc.sql(
                            "insert into clip_candidate ("
                                + CANDIDATE_COLUMNS
                                + ") values (:id, :source, :rank, :start, :end, :title, :score, "
                                + textArray("reasons")
                                + ", :state, :fit, :centerX)")
                        .params(candidateFields(candidate))
                        .update();
                  }
                  return candidates.size();
                }));
  }

  @Override
  public List<ClipCandidate> candidates(UUID sourceId) {
    return jdbc.sql(
            "select "
                + CANDIDATE_COLUMNS
                + " from clip_candidate where source_id = :source order by rank, id")
        .param("source", sourceId)
        .query(ClipRows::candidate)
        .list();
  }

  @Override
  public ClipCandidate updateCandidate(UUID candidateId, UnaryOperator<ClipCandidate> change) {
    return transactions.execute(
        status -> {
          ClipCandidate before =
              jdbc.sql(
                      "select "
                          + CANDIDATE_COLUMNS
                          + " from clip_candidate where id = :id for update")
                  .param("id", candidateId)
                  .query(ClipRows::candidate)
                  .optional()
                  .orElseThrow(() -> ReelForgeException.notFound("clip candidate", candidateId));
          ClipCandidate after = change.apply(before);
          if (after == null
              || !after.id().equals(before.id())
              || !after.sourceId().equals(before.sourceId())) {
            throw new IllegalArgumentException(
                "a change to clip candidate " + candidateId + " may not change its id or source");
          }
          return jdbc.sql(
                  "update clip_candidate set rank = :rank, start_millis = :start,"
                      + " end_millis = :end, title = :title, score = :score, reasons = "
                      + textArray("reasons")
                      + ", state = :state, reframe_fit = :fit, reframe_center_x = :centerX"
                      + " where id = :id returning "
                      + CANDIDATE_COLUMNS)
              .params(candidateFields(after))
              .query(ClipRows::candidate)
              .single();
        });
  }

  @Override
  public void createExport(ClipExport export) {
    int inserted =
        unique(
            "clip export " + export.id(),
            () ->
                jdbc.sql(
                        "insert into clip_export (id, source_id, owner_id, run_id, candidate_ids,"
                            + " presets, created_at)"
                            + " select :id, :source, :owner, :run, "
                            + uuidArray("candidates")
                            + ", "
                            + textArray("presets")
                            + ", :created where exists"
                            + " (select 1 from clip_source where id = :source)")
                    .param("id", export.id())
                    .param("source", export.sourceId())
                    .param("owner", export.ownerId())
                    .param("run", export.runId())
                    .param("candidates", json(export.candidateIds()))
                    .param("presets", json(export.presets()))
                    .param("created", utc(export.createdAt()))
                    .update());
    if (inserted == 0) {
      throw ReelForgeException.notFound("clip source", export.sourceId());
    }
  }

  @Override
  public Optional<ClipExport> export(UUID exportId) {
    return jdbc.sql("select * from clip_export where id = :id")
        .param("id", exportId)
        .query(ClipRows::export)
        .optional();
  }

  @Override
  public List<ClipExport> exports(UUID sourceId) {
    return jdbc.sql(
            "select * from clip_export where source_id = :source order by created_at desc, id desc")
        .param("source", sourceId)
        .query(ClipRows::export)
        .list();
  }

  @Override
  public void createUpload(UploadSession upload) {
    unique(
        "upload " + upload.id(),
        () ->
            jdbc.sql(
                    """
                    insert into clip_upload (id, owner_id, name, total_bytes, received_bytes,
                        staging_key, created_at, expires_at)
                    values (:id, :owner, :name, :total, :received, :staging, :created, :expires)
                    """)
                .param("id", upload.id())
                .param("owner", upload.ownerId())
                .param("name", upload.name())
                .param("total", upload.totalBytes())
                .param("received", upload.receivedBytes())
                .param("staging", upload.stagingKey())
                .param("created", utc(upload.createdAt()))
                .param("expires", utc(upload.expiresAt()))
                .update());
  }

  @Override
  public Optional<UploadSession> upload(UUID uploadId) {
    return jdbc.sql("select * from clip_upload where id = :id")
        .param("id", uploadId)
        .query(ClipRows::upload)
        .optional();
  }

  @Override
  public UploadSession recordReceived(UUID uploadId, long receivedBytes) {
    return transactions.execute(
        status -> {
          UploadSession before =
              jdbc.sql("select * from clip_upload where id = :id for update")
                  .param("id", uploadId)
                  .query(ClipRows::upload)
                  .optional()
                  .orElseThrow(() -> ReelForgeException.notFound("upload", uploadId));
          // Refuses a count past the announced size before anything is written.
          UploadSession after =
              before.withReceived(Math.max(before.receivedBytes(), receivedBytes));
          jdbc.sql("update clip_upload set received_bytes = :received where id = :id")
              .param("id", uploadId)
              .param("received", after.receivedBytes())
              .update();
          return after;
        });
  }

  @Override
  public void deleteUpload(UUID uploadId) {
    jdbc.sql("delete from clip_upload where id = :id").param("id", uploadId).update();
  }

  @Override
  public List<UploadSession> expiredUploads(Instant now, int limit) {
    return jdbc.sql(
            "select * from clip_upload where expires_at <= :now order by expires_at, id"
                + " limit :limit")
        .param("now", utc(now))
        .param("limit", limit)
        .query(ClipRows::upload)
        .list();
  }

  @Override
  public int deleteOwner(UUID ownerId) {
    Integer deleted =
        transactions.execute(
            status -> {
              // Candidates and exports go with their source (the foreign keys cascade).
              jdbc.sql("delete from clip_export where owner_id = :owner")
                  .param("owner", ownerId)
                  .update();
              int sources =
                  jdbc.sql("delete from clip_source where owner_id = :owner")
                      .param("owner", ownerId)
                      .update();
              int uploads =
                  jdbc.sql("delete from clip_upload where owner_id = :owner")
                      .param("owner", ownerId)
                      .update();
              return sources + uploads;
            });
    return deleted == null ? 0 : deleted;
  }

  /** Runs an insert, answering CONFLICT when a key is taken already. */
  private static <T> T unique(String what, Supplier<T> insert) {
    try {
      return insert.get();
    } catch (DuplicateKeyException e) {
      throw new ReelForgeException(ErrorCode.CONFLICT, what + " exists already", e);
    }
  }
}
