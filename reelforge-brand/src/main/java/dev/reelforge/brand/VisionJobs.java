package dev.reelforge.brand;

import dev.reelforge.core.brand.BrandAnalysis;
import dev.reelforge.core.brand.Scores;
import dev.reelforge.core.brand.VisionJob;
import dev.reelforge.core.brand.VisionStatus;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Changes to a vision job, made on a copy and written at once. */
final class VisionJobs {

  private VisionJobs() {}

  /** A copy of a job with fields to change. */
  static final class Edit {
    private final VisionJob job;
    private final Instant now;
    private Optional<UUID> runId;
    private VisionStatus status;
    private Optional<String> analysisJson;
    private Optional<Scores> scores;
    private Optional<String> essence;
    private Optional<String> styleKey;
    private Optional<String> styleJson;
    private Optional<String> flaggedReason;
    private Optional<String> error;
    private int retries;
    private Optional<Instant> processedAt;

    Edit(VisionJob job, Instant now) {
      this.job = job;
      this.now = now;
      runId = job.runId();
      status = job.status();
      analysisJson = job.analysisJson();
      scores = job.scores();
      essence = job.brandEssencePrompt();
      styleKey = job.styleReferenceKey();
      styleJson = job.styleReferenceJson();
      flaggedReason = job.flaggedReason();
      error = job.errorMessage();
      retries = job.retryCount();
      processedAt = job.processedAt();
    }

    Edit status(VisionStatus value) {
      status = value;
      return this;
    }

    Edit run(UUID value) {
      runId = Optional.of(value);
      return this;
    }

    Edit retries(int value) {
      retries = Math.max(retries, value);
      return this;
    }

    Edit analysis(String json, BrandAnalysis analysis) {
      analysisJson = Optional.of(json);
      Scores s = analysis.scores();
      scores =
          Optional.of(
              new Scores(
                  Scores.round2(s.physics()),
                  Scores.round2(s.vibe()),
                  Scores.round2(s.logic()),
                  Scores.round2(s.integrity())));
      essence = Optional.of(analysis.brandEssencePrompt());
      flaggedReason = analysis.flaggedReason();
      return this;
    }

    Edit styleReference(String key, String json) {
      styleKey = Optional.of(key);
      styleJson = Optional.of(json);
      return this;
    }

    Edit failed(String message) {
      status = VisionStatus.FAILED;
      error = Optional.of(message);
      processedAt = Optional.of(now);
      return this;
    }

    /** Analysed anew after a failure: pending, without its error or run, one retry more. */
    Edit retried() {
      status = VisionStatus.PENDING;
      error = Optional.empty();
      runId = Optional.empty();
      processedAt = Optional.empty();
      retries = retries + 1;
      return this;
    }

    Edit processed(Instant at) {
      processedAt = Optional.of(at);
      return this;
    }

    VisionJob build() {
      return new VisionJob(
          job.id(),
          job.ownerId(),
          runId,
          job.imageKey(),
          job.originalFilename(),
          job.storedFilename(),
          job.mimeType(),
          job.fileSize(),
          job.fileHash(),
          status,
          analysisJson,
          scores,
          essence,
          styleKey,
          styleJson,
          flaggedReason,
          error,
          retries,
          job.createdAt(),
          now,
          processedAt);
    }
  }
}
