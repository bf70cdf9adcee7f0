package dev.reelforge.postgres.brand.internal;

import dev.reelforge.core.brand.DirectorStatus;
import dev.reelforge.core.brand.Scores;
import dev.reelforge.core.brand.Storyboard;
import dev.reelforge.core.brand.StylePreset;
import dev.reelforge.core.brand.VisionJob;
import dev.reelforge.core.brand.VisionStatus;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.function.ToDoubleFunction;

/** The brand tables' columns and their rows as records. */
public final class BrandRows {

  /** {@code vision_job}'s columns as {@link #visionJob} reads them (JSON as text). */
  public static final String JOB_COLUMNS =
      "id, owner_id, run_id, image_key, original_filename, stored_filename, mime_type, file_size,"
          + " file_hash, status, analysis_data::text as analysis_data, physics_score, vibe_score,"
          + " logic_score, integrity_score, brand_essence_prompt, style_reference_key,"
          + " style_reference::text as style_reference, flagged_reason, error_message, retry_count,"
          + " created_at, updated_at, processed_at";

  /** {@code director_storyboard}'s columns as {@link #storyboard} reads them (JSON as text). */
  public static final String BOARD_COLUMNS =
      "id, job_id, owner_id, run_id, production_engine, routing_reason, status, style_preset,"
          + " scenes_data::text as scenes_data, conversation_history::text as"
          + " conversation_history, result::text as result, credits_used, error_message, version,"
          + " created_at, updated_at, completed_at";

  private BrandRows() {}

  public static VisionJob visionJob(ResultSet rs, int rowNum) throws SQLException {
    return new VisionJob(
        rs.getObject("id", UUID.class),
        rs.getObject("owner_id", UUID.class),
        Optional.ofNullable(rs.getObject("run_id", UUID.class)),
        rs.getString("image_key"),
        rs.getString("original_filename"),
        rs.getString("stored_filename"),
        rs.getString("mime_type"),
        rs.getLong("file_size"),
        rs.getString("file_hash"),
        VisionStatus.fromWire(rs.getString("status")),
        Optional.ofNullable(rs.getString("analysis_data")),
        scores(rs),
        Optional.ofNullable(rs.getString("brand_essence_prompt")),
        Optional.ofNullable(rs.getString("style_reference_key")),
        Optional.ofNullable(rs.getString("style_reference")),
        Optional.ofNullable(rs.getString("flagged_reason")),
        Optional.ofNullable(rs.getString("error_message")),
        rs.getInt("retry_count"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"),
        Optional.ofNullable(instant(rs, "processed_at")));
  }

  public static Storyboard storyboard(ResultSet rs, int rowNum) throws SQLException {
    return new Storyboard(
        rs.getObject("id", UUID.class),
        rs.getObject("job_id", UUID.class),
        rs.getObject("owner_id", UUID.class),
        Optional.ofNullable(rs.getObject("run_id", UUID.class)),
        rs.getString("production_engine"),
        rs.getString("routing_reason"),
        DirectorStatus.fromWire(rs.getString("status")),
        Optional.ofNullable(rs.getString("style_preset")),
        rs.getString("scenes_data"),
        rs.getString("conversation_history"),
        Optional.ofNullable(rs.getString("result")),
        rs.getBigDecimal("credits_used"),
        Optional.ofNullable(rs.getString("error_message")),
        rs.getLong("version"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"),
        Optional.ofNullable(instant(rs, "completed_at")));
  }

  public static StylePreset stylePreset(ResultSet rs, int rowNum) throws SQLException {
    return new StylePreset(
        rs.getString("id"),
        rs.getString("name"),
        rs.getString("description"),
        rs.getString("prompt_layer"),
        rs.getString("category"),
        rs.getBoolean("is_premium"),
        rs.getInt("sort_order"));
  }

  /** A score as the {@code numeric(3,2)} column takes it; null for none. */
  public static BigDecimal score(Optional<Scores> scores, ToDoubleFunction<Scores> which) {
    return scores.map(s -> BigDecimal.valueOf(which.applyAsDouble(s))).orElse(null);
  }

  /** An instant as the {@code timestamptz} value the driver binds unambiguously; null for none. */
  public static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  public static OffsetDateTime utc(Optional<Instant> instant) {
    return utc(instant.orElse(null));
  }

  private static Optional<Scores> scores(ResultSet rs) throws SQLException {
    BigDecimal physics = rs.getBigDecimal("physics_score");
    if (physics == null) {
      // The table holds all four scores or none.
      return Optional.empty();
    }
    return Optional.of(
        new Scores(
            physics.doubleValue(),
            rs.getBigDecimal("vibe_score").doubleValue(),
            rs.getBigDecimal("logic_score").doubleValue(),
            rs.getBigDecimal("integrity_score").doubleValue()));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
