package dev.reelforge.app.brand;

import dev.reelforge.brand.BrandFiles;
import dev.reelforge.brand.SceneVideos;
import dev.reelforge.core.accounts.CreditLedger;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.jobs.engine.JobService;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.core.jobs.spi.TaskRecord;
import dev.reelforge.mediagen.MediaJobs;
import dev.reelforge.mediagen.MediaKeys;
import dev.reelforge.mediagen.MediaPipelines;
import dev.reelforge.mediagen.MediaStore;
import dev.reelforge.mediagen.VideoJobInput;
import dev.reelforge.mediagen.VideoJobOutput;
import dev.reelforge.mediagen.engines.ProductionError;
import dev.reelforge.mediagen.engines.VideoEngines;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A brand scene's clip as a video job of the media feature: the scene's preview becomes the job's
 * start frame, the routed engine is asked first (the installation's default engine when it lacks
 * the routed one — offline, the local engine), and the job's own chain, breakers, retries, credits
 * and refunds apply.
 */
final class MediaSceneVideos implements SceneVideos {

  private static final int FPS = 24;

  // Suppliers: the job service's pipelines include the brand pipelines, which use this.
  private final Supplier<MediaJobs> media;
  private final MediaStore mediaStore;
  private final BrandFiles brandFiles;
  private final VideoEngines engines;
  private final Supplier<JobService> jobs;
  private final CreditLedger credits;
  private final LongSupplier creditsPerSecond;
  private final Path scratch;

  MediaSceneVideos(
      Supplier<MediaJobs> media,
      MediaStore mediaStore,
      BrandFiles brandFiles,
      VideoEngines engines,
      Supplier<JobService> jobs,
      CreditLedger credits,
      LongSupplier creditsPerSecond,
      Path scratch) {
    this.media = media;
    this.mediaStore = mediaStore;
    this.brandFiles = brandFiles;
    this.engines = engines;
    this.jobs = jobs;
    this.credits = credits;
    this.creditsPerSecond = creditsPerSecond;
    this.scratch = scratch;
  }

  @Override
  public UUID submit(UUID owner, Order order, String idempotencyKey) {
    UUID frameId =
        UUID.nameUUIDFromBytes(idempotencyKey.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String frameKey = MediaKeys.frame(owner, frameId, "start");
    try {
      Files.createDirectories(scratch);
      Path frame = Files.createTempFile(scratch, "scene-", ".png");
      try {
        brandFiles.get(order.startFrameKey(), frame);
        mediaStore.put(frameKey, frame, "image/png");
      } finally {
        Files.deleteIfExists(frame);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String engine = engines.has(order.engine()) ? order.engine() : null;
    VideoJobInput input =
        new VideoJobInput(
            order.prompt(),
            frameKey,
            null,
            mediaStore.publicUrl(frameKey).orElse(null),
            null,
            order.durationS(),
            FPS,
            "720p",
            order.aspectRatio(),
            order.seed(),
            engine);
    return media.get().submitVideo(owner, input, Optional.of(idempotencyKey)).id();
  }

  @Override
  public void checkAffordable(UUID owner, int scenes, int seconds) {
    long price = creditsPerSecond.getAsLong() * Math.max(1, seconds) * scenes;
    long balance = credits.balance(owner);
    if (price > balance) {
      throw new ReelForgeException(
          ErrorCode.INSUFFICIENT_CREDITS,
          "production of "
              + scenes
              + " scenes costs "
              + price
              + " credits; the balance is "
              + balance);
    }
  }

  @Override
  public void cancel(UUID owner, UUID jobId) {
    RunRecord run = media.get().job(owner, MediaJobs.VIDEO, jobId);
    if (!run.status().isTerminal()) {
      jobs.get().cancel(run.id(), "brand-director");
    }
  }

  @Override
  public State state(UUID owner, UUID jobId) {
    RunRecord run = media.get().job(owner, MediaJobs.VIDEO, jobId);
    return switch (run.status()) {
      case SUCCEEDED -> {
        VideoJobOutput output = MediaPipelines.videoResult(run).orElseThrow();
        yield new Done(
            output.clipKey(), output.durationS(), output.engine(), run.credits().amount());
      }
      case FAILED, CANCELLED -> {
        ErrorCode code = run.error().map(e -> e.code()).orElse(ErrorCode.EXTERNAL_API_ERROR);
        ProductionError advice = ProductionError.of(code);
        yield new Failed(
            code.name(),
            run.error().map(e -> e.message()).orElse(advice.message()),
            advice.userAction().name());
      }
      default ->
          new Running(
              jobs.get().tasks(run.id()).stream()
                  .mapToDouble(TaskRecord::progress)
                  .max()
                  .orElse(0));
    };
  }
}
