package dev.reelforge.core.brand.memory;

import dev.reelforge.core.brand.Scores;
import dev.reelforge.core.brand.Storyboard;
import dev.reelforge.core.brand.VisionJob;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.jobs.memory.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

/**
 * What PostgreSQL's brand tables (V11) refuse and how they round what they keep, for the in-memory
 * store: the same checks, so that a value one store refuses the other refuses too, and the same
 * rounding, so that both give back the same record.
 */
final class BrandValues {

  static final Set<String> MIME_TYPES = Set.of("image/jpeg", "image/png", "image/webp");
  static final Set<String> ENGINES = Set.of("KLING", "LUMA", "GEMINI_PRO");

  /** {@code numeric(10,2)}: eight digits before the point. */
  private static final BigDecimal CREDITS_BOUND = new BigDecimal("100000000");

  private BrandValues() {}

  /** The job as the table would keep it, or INVALID_INPUT for what the table refuses. */
  static VisionJob stored(VisionJob job) {
    String what = "vision job";
    required(what, "image_key", job.imageKey());
    length(what, "original_filename", job.originalFilename(), 255);
    length(what, "stored_filename", job.storedFilename(), 255);
    length(what, "file_hash", job.fileHash(), 64);
    check(what, "mime_type", MIME_TYPES.contains(job.mimeType()));
    check(what, "file_size", job.fileSize() >= 0);
    check(what, "retry_count", job.retryCount() >= 0);
    json(what, "analysis_data", job.analysisJson());
    json(what, "style_reference", job.styleReferenceJson());
    required(what, "created_at", job.createdAt());
    required(what, "updated_at", job.updatedAt());
    return new VisionJob(
        job.id(),
        job.ownerId(),
        job.runId(),
        job.imageKey(),
        job.originalFilename(),
        job.storedFilename(),
        job.mimeType(),
        job.fileSize(),
        job.fileHash(),
        job.status(),
        job.analysisJson(),
        job.scores()
            .map(
                s ->
                    new Scores(
                        Scores.round2(s.physics()),
                        Scores.round2(s.vibe()),
                        Scores.round2(s.logic()),
                        Scores.round2(s.integrity()))),
        job.brandEssencePrompt(),
        job.styleReferenceKey(),
        job.styleReferenceJson(),
        job.flaggedReason(),
        job.errorMessage(),
        job.retryCount(),
        micros(job.createdAt()),
        micros(job.updatedAt()),
        job.processedAt().map(BrandValues::micros));
  }

  /** The storyboard as the table would keep it at {@code version}, or INVALID_INPUT. */
  static Storyboard stored(Storyboard board, long version) {
    String what = "storyboard";
    check(what, "production_engine", ENGINES.contains(board.productionEngine()));
    board.stylePreset().ifPresent(preset -> length(what, "style_preset", preset, 50));
    json(what, "scenes_data", Optional.of(board.scenesJson()));
    json(what, "conversation_history", Optional.of(board.conversationJson()));
    json(what, "result", board.resultJson());
    BigDecimal credits = board.creditsUsed().setScale(2, RoundingMode.HALF_UP);
    check(what, "credits_used", credits.signum() >= 0);
    check(what, "credits_used", credits.compareTo(CREDITS_BOUND) < 0);
    required(what, "created_at", board.createdAt());
    required(what, "updated_at", board.updatedAt());
    return new Storyboard(
        board.id(),
        board.jobId(),
        board.ownerId(),
        board.runId(),
        board.productionEngine(),
        board.routingReason(),
        board.status(),
        board.stylePreset(),
        board.scenesJson(),
        board.conversationJson(),
        board.resultJson(),
        credits,
        board.errorMessage(),
        version,
        micros(board.createdAt()),
        micros(board.updatedAt()),
        board.completedAt().map(BrandValues::micros));
  }

  /** PostgreSQL keeps microseconds, rounding the nanoseconds half up. */
  static Instant micros(Instant instant) {
    return instant.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
  }

  private static void required(String what, String column, Object value) {
    check(what, column, value != null);
  }

  private static void length(String what, String column, String value, int max) {
    required(what, column, value);
    // PostgreSQL counts characters, not UTF-16 units.
    check(what, column, value.codePointCount(0, value.length()) <= max);
  }

  private static void json(String what, String column, Optional<String> value) {
    value.ifPresent(text -> check(what, column + " (not JSON)", Json.isValid(text)));
  }

  private static void check(String what, String column, boolean ok) {
    if (!ok) {
      throw new ReelForgeException(ErrorCode.INVALID_INPUT, what + " refused: " + column);
    }
  }
}
