package dev.reelforge.testkit.brand;

import dev.reelforge.core.brand.Storyboard;
import dev.reelforge.core.brand.VisionJob;
import dev.reelforge.core.brand.VisionStatus;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

/** Copies of vision jobs and storyboards with one thing changed, for the brand store's contract. */
public final class BrandEdits {

  private BrandEdits() {}

  public static VisionJob withRun(VisionJob j, Optional<UUID> runId) {
    return new VisionJob(
        j.id(),
        j.ownerId(),
        runId,
        j.imageKey(),
        j.originalFilename(),
        j.storedFilename(),
        j.mimeType(),
        j.fileSize(),
        j.fileHash(),
        j.status(),
        j.analysisJson(),
        j.scores(),
        j.brandEssencePrompt(),
        j.styleReferenceKey(),
        j.styleReferenceJson(),
        j.flaggedReason(),
        j.errorMessage(),
        j.retryCount(),
        j.createdAt(),
        j.updatedAt(),
        j.processedAt());
  }

  public static VisionJob withAnalysis(VisionJob j, Optional<String> analysisJson) {
    return new VisionJob(
        j.id(),
        j.ownerId(),
        j.runId(),
        j.imageKey(),
        j.originalFilename(),
        j.storedFilename(),
        j.mimeType(),
        j.fileSize(),
        j.fileHash(),
        j.status(),
        analysisJson,
        j.scores(),
        j.brandEssencePrompt(),
        j.styleReferenceKey(),
        j.styleReferenceJson(),
        j.flaggedReason(),
        j.errorMessage(),
        j.retryCount(),
        j.createdAt(),
        j.updatedAt(),
        j.processedAt());
  }

  public static VisionJob withMime(VisionJob j, String mimeType) {
    return new VisionJob(
        j.id(),
        j.ownerId(),
        j.runId(),
        j.imageKey(),
        j.originalFilename(),
        j.storedFilename(),
        mimeType,
        j.fileSize(),
        j.fileHash(),
        j.status(),
        j.analysisJson(),
        j.scores(),
        j.brandEssencePrompt(),
        j.styleReferenceKey(),
        j.styleReferenceJson(),
        j.flaggedReason(),
        j.errorMessage(),
        j.retryCount(),
        j.createdAt(),
        j.updatedAt(),
        j.processedAt());
  }

  public static VisionJob reowned(VisionJob j, UUID ownerId) {
    return new VisionJob(
        j.id(),
        ownerId,
        j.runId(),
        j.imageKey(),
        j.originalFilename(),
        j.storedFilename(),
        j.mimeType(),
        j.fileSize(),
        j.fileHash(),
        j.status(),
        j.analysisJson(),
        j.scores(),
        j.brandEssencePrompt(),
        j.styleReferenceKey(),
        j.styleReferenceJson(),
        j.flaggedReason(),
        j.errorMessage(),
        j.retryCount(),
        j.createdAt(),
        j.updatedAt(),
        j.processedAt());
  }

  public static VisionJob withOutcome(
      VisionJob j, VisionStatus status, Optional<String> flagged, Optional<String> error) {
    return new VisionJob(
        j.id(),
        j.ownerId(),
        j.runId(),
        j.imageKey(),
        j.originalFilename(),
        j.storedFilename(),
        j.mimeType(),
        j.fileSize(),
        j.fileHash(),
        status,
        j.analysisJson(),
        j.scores(),
        j.brandEssencePrompt(),
        j.styleReferenceKey(),
        j.styleReferenceJson(),
        flagged,
        error,
        j.retryCount(),
        j.createdAt(),
        j.updatedAt(),
        j.processedAt());
  }

  public static Storyboard withVersion(Storyboard b, long version) {
    return new Storyboard(
        b.id(),
        b.jobId(),
        b.ownerId(),
        b.runId(),
        b.productionEngine(),
        b.routingReason(),
        b.status(),
        b.stylePreset(),
        b.scenesJson(),
        b.conversationJson(),
        b.resultJson(),
        b.creditsUsed(),
        b.errorMessage(),
        version,
        b.createdAt(),
        b.updatedAt(),
        b.completedAt());
  }

  public static Storyboard reowned(Storyboard b, UUID ownerId) {
    return new Storyboard(
        b.id(),
        b.jobId(),
        ownerId,
        b.runId(),
        b.productionEngine(),
        b.routingReason(),
        b.status(),
        b.stylePreset(),
        b.scenesJson(),
        b.conversationJson(),
        b.resultJson(),
        b.creditsUsed(),
        b.errorMessage(),
        b.version(),
        b.createdAt(),
        b.updatedAt(),
        b.completedAt());
  }

  public static Storyboard withEngine(Storyboard b, String engine) {
    return new Storyboard(
        b.id(),
        b.jobId(),
        b.ownerId(),
        b.runId(),
        engine,
        b.routingReason(),
        b.status(),
        b.stylePreset(),
        b.scenesJson(),
        b.conversationJson(),
        b.resultJson(),
        b.creditsUsed(),
        b.errorMessage(),
        b.version(),
        b.createdAt(),
        b.updatedAt(),
        b.completedAt());
  }

  public static Storyboard withCredits(Storyboard b, BigDecimal credits) {
    return new Storyboard(
        b.id(),
        b.jobId(),
        b.ownerId(),
        b.runId(),
        b.productionEngine(),
        b.routingReason(),
        b.status(),
        b.stylePreset(),
        b.scenesJson(),
        b.conversationJson(),
        b.resultJson(),
        credits,
        b.errorMessage(),
        b.version(),
        b.createdAt(),
        b.updatedAt(),
        b.completedAt());
  }
}
