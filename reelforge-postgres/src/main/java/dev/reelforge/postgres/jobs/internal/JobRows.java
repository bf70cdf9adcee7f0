package dev.reelforge.postgres.jobs.internal;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.jobs.spi.Credits;
import dev.reelforge.core.jobs.spi.JobError;
import dev.reelforge.core.jobs.spi.RunEvent;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.core.jobs.spi.RunStatus;
import dev.reelforge.core.jobs.spi.TaskRecord;
import dev.reelforge.core.jobs.spi.TaskStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** Maps rows of {@code run}, {@code task} and {@code run_event} to the core records. */
public final class JobRows {

  public static final String RUN_COLUMNS =
      "id, owner_id, kind, status, current_stage, priority, inputs::text as inputs,"
          + " artifacts::text as artifacts, error_code, error_message, error_stage,"
          + " error_retryable, credits_charged, credits_amount, credits_refunded,"
          + " idempotency_key, created_at, started_at, completed_at";

  public static final String TASK_COLUMNS =
      "id, run_id, owner_id, stage, queue, status, priority, attempt, max_attempts, run_after,"
          + " lease_owner, lease_expires_at, progress, progress_message, error_code,"
          + " error_message, error_retryable, created_at, started_at, completed_at";

  private JobRows() {}

  public static RunRecord run(ResultSet rs, int row) throws SQLException {
    return new RunRecord(
        rs.getObject("id", UUID.class),
        rs.getObject("owner_id", UUID.class),
        rs.getString("kind"),
        RunStatus.fromWire(rs.getString("status")),
        Optional.ofNullable(rs.getString("current_stage")),
        rs.getInt("priority"),
        rs.getString("inputs"),
        rs.getString("artifacts"),
        error(rs, rs.getString("error_stage")),
        new Credits(
            rs.getBoolean("credits_charged"),
            rs.getLong("credits_amount"),
            rs.getBoolean("credits_refunded")),
        Optional.ofNullable(rs.getString("idempotency_key")),
        instant(rs, "created_at").orElseThrow(),
        instant(rs, "started_at"),
        instant(rs, "completed_at"));
  }

  public static TaskRecord task(ResultSet rs, int row) throws SQLException {
    String stage = rs.getString("stage");
    return new TaskRecord(
        rs.getObject("id", UUID.class),
        rs.getObject("run_id", UUID.class),
        rs.getObject("owner_id", UUID.class),
        stage,
        rs.getString("queue"),
        TaskStatus.fromWire(rs.getString("status")),
        rs.getInt("priority"),
        rs.getInt("attempt"),
        rs.getInt("max_attempts"),
        instant(rs, "run_after").orElseThrow(),
        Optional.ofNullable(rs.getString("lease_owner")),
        instant(rs, "lease_expires_at"),
        rs.getDouble("progress"),
        Optional.ofNullable(rs.getString("progress_message")),
        error(rs, stage),
        instant(rs, "created_at").orElseThrow(),
        instant(rs, "started_at"),
        instant(rs, "completed_at"));
  }

  public static RunEvent event(ResultSet rs, int row) throws SQLException {
    return new RunEvent(
        rs.getObject("run_id", UUID.class),
        rs.getLong("id"),
        rs.getString("type"),
        Optional.ofNullable(rs.getString("stage")),
        rs.getString("data"),
        instant(rs, "created_at").orElseThrow());
  }

  public static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return Optional.ofNullable(value).map(OffsetDateTime::toInstant);
  }

  private static Optional<JobError> error(ResultSet rs, String stage) throws SQLException {
    String code = rs.getString("error_code");
    if (code == null) {
      return Optional.empty();
    }
    return Optional.of(
        new JobError(
            errorCode(code),
            rs.getString("error_message"),
            stage == null ? "" : stage,
            rs.getBoolean("error_retryable")));
  }

  private static ErrorCode errorCode(String name) {
    try {
      return ErrorCode.valueOf(name);
    } catch (IllegalArgumentException newerBuild) {
      // Written by a newer ReelForge that knows more codes.
      return ErrorCode.INTERNAL_ERROR;
    }
  }
}
