package dev.reelforge.core.brand;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One brand upload and its analysis (seed 001 §3 {@code vision_jobs}).
 *
 * @param id the job's id
 * @param ownerId who uploaded it
 * @param runId the analysis run on the job engine
 * @param imageKey the blob key of the stored upload (as uploaded)
 * @param originalFilename the file name as sent, sanitised (no path parts, no control characters)
 * @param storedFilename the safe name it is stored under
 * @param mimeType {@code image/jpeg}, {@code image/png} or {@code image/webp}
 * @param fileSize bytes
 * @param fileHash SHA-256 of the bytes, hex
 * @param status where the analysis stands
 * @param analysisJson the full analysis (JSON, the brand module's shape); empty until analysed
 * @param scores the four scores; empty until analysed
 * @param brandEssencePrompt the distilled description; empty until analysed
 * @param styleReferenceKey the blob key of the style reference; empty until made
 * @param styleReferenceJson seed 001's {@code StyleReference} (JSON); empty until made
 * @param flaggedReason why the integrity filter flagged it
 * @param errorMessage why analysis failed
 * @param retryCount analysis attempts beyond the first
 * @param createdAt when uploaded
 * @param updatedAt last change
 * @param processedAt when analysis finished
 */
public record VisionJob(
    UUID id,
    UUID ownerId,
    Optional<UUID> runId,
    String imageKey,
    String originalFilename,
    String storedFilename,
    String mimeType,
    long fileSize,
    String fileHash,
    VisionStatus status,
    Optional<String> analysisJson,
    Optional<Scores> scores,
    Optional<String> brandEssencePrompt,
    Optional<String> styleReferenceKey,
    Optional<String> styleReferenceJson,
    Optional<String> flaggedReason,
    Optional<String> errorMessage,
    int retryCount,
    Instant createdAt,
    Instant updatedAt,
    Optional<Instant> processedAt) {

  public VisionJob {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(status, "status");
  }

  /** A new upload, {@code pending}, before its run is started. */
  public static VisionJob uploaded(
      UUID id,
      UUID ownerId,
      String imageKey,
      String originalFilename,
      String storedFilename,
      String mimeType,
      long fileSize,
      String fileHash,
      Instant now) {
    return new VisionJob(
        id,
        ownerId,
        Optional.empty(),
        imageKey,
        originalFilename,
        storedFilename,
        mimeType,
        fileSize,
        fileHash,
        VisionStatus.PENDING,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        0,
        now,
        now,
        Optional.empty());
  }
}
