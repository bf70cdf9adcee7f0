package dev.reelforge.mediagen;

import dev.reelforge.core.imagegen.ImageGenerator;
import dev.reelforge.core.jobs.api.PipelineDefinition;
import dev.reelforge.core.jobs.api.RegisteredPipeline;
import dev.reelforge.core.jobs.api.RetryPolicy;
import dev.reelforge.core.jobs.api.StageDefinition;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.mediagen.engines.VideoEngines;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The media feature's two pipelines, each defined once and run by the job engine for the API, the
 * workers and the {@code generate} command alike (seed 004 §4, §5, §7):
 *
 * <ul>
 *   <li>kind {@value #IMAGE_KIND}: one stage {@value #STAGE} on queue {@value #IMAGE_QUEUE}, three
 *       attempts 1 s then 4 s apart ({@link #IMAGE_RETRY});
 *   <li>kind {@value #VIDEO_KIND}: one stage {@value #STAGE} on queue {@value #VIDEO_QUEUE}, two
 *       attempts 5 s then 30 s apart ({@link #VIDEO_RETRY}). Engine failures are routed inside the
 *       stage (retry profiles, fallback chains, circuit breakers of {@link VideoEngines}); the
 *       attempts cover everything else (a store that cannot be reached).
 * </ul>
 *
 * <p>A job's id is its run's id; its files are stored under {@link MediaKeys} with it. The run's
 * artifact is an {@link ImageJobOutput} or a {@link VideoJobOutput}, read with {@link #imageResult}
 * and {@link #videoResult}.
 */
public final class MediaPipelines {

  public static final String IMAGE_KIND = "image";
  public static final String VIDEO_KIND = "video";

  /** The one stage of either pipeline. */
  public static final String STAGE = "generate";

  public static final String IMAGE_QUEUE = "image";
  public static final String VIDEO_QUEUE = "video";

  /** Seed 004 §7: image jobs run three at a time per worker node. */
  public static final int IMAGE_CONCURRENCY = 3;

  /** Seed 004 §7: video jobs one at a time per worker node (expensive). */
  public static final int VIDEO_CONCURRENCY = 1;

  /** Seed 004 §7: images 3 attempts, 1 s then 4 s (16 s if raised); up to 20 % less, jittered. */
  public static final RetryPolicy IMAGE_RETRY =
      new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(16), 4.0, 0.2);

  /** Seed 004 §7: video 2 attempts, 5 s then 30 s; up to 20 % less, jittered. */
  public static final RetryPolicy VIDEO_RETRY =
      new RetryPolicy(2, Duration.ofSeconds(5), Duration.ofSeconds(30), 6.0, 0.2);

  /** One image, cloud engines included (their own HTTP timeouts and retries are inside). */
  public static final Duration IMAGE_TIMEOUT = Duration.ofMinutes(3);

  /**
   * One execution of the video stage: a submit or a poll, or the whole clip for an engine that
   * works in-process (the offline one).
   */
  public static final Duration VIDEO_TIMEOUT = Duration.ofMinutes(10);

  private final ImageStage imageStage;
  private final VideoStage videoStage;

  /**
   * @param images the image engine in use
   * @param engines the video engines and their routing
   * @param store where inputs (frames) are read and outputs kept
   * @param thumbnailer makes every output's 256-pixel JPEG
   * @param workRoot where each job's scratch folder goes (deleted when the job ends)
   */
  public MediaPipelines(
      ImageGenerator images,
      VideoEngines engines,
      MediaStore store,
      MediaThumbnailer thumbnailer,
      Path workRoot,
      Clock clock) {
    Objects.requireNonNull(images, "images");
    Objects.requireNonNull(engines, "engines");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(thumbnailer, "thumbnailer");
    Objects.requireNonNull(clock, "clock");
    WorkFolders work = new WorkFolders(workRoot);
    this.imageStage = new ImageStage(images, store, thumbnailer, work);
    this.videoStage = new VideoStage(engines, store, thumbnailer, work, clock);
  }

  /** The image pipeline and its handler. */
  public RegisteredPipeline image() {
    return new RegisteredPipeline(imageDefinition(), Map.of(STAGE, imageStage::execute));
  }

  /** The video pipeline and its handler. */
  public RegisteredPipeline video() {
    return new RegisteredPipeline(videoDefinition(), Map.of(STAGE, videoStage::execute));
  }

  /** Both pipelines. */
  public List<RegisteredPipeline> all() {
    return List.of(image(), video());
  }

  public static PipelineDefinition imageDefinition() {
    return PipelineDefinition.of(
        IMAGE_KIND,
        StageDefinition.of(STAGE, IMAGE_QUEUE).retry(IMAGE_RETRY).timeout(IMAGE_TIMEOUT));
  }

  public static PipelineDefinition videoDefinition() {
    return PipelineDefinition.of(
        VIDEO_KIND,
        StageDefinition.of(STAGE, VIDEO_QUEUE).retry(VIDEO_RETRY).timeout(VIDEO_TIMEOUT));
  }

  /** A succeeded image run's output; empty until it has one (or for another kind of run). */
  public static Optional<ImageJobOutput> imageResult(RunRecord run) {
    return run.kind().equals(IMAGE_KIND)
        ? MediaJson.artifact(run.artifacts(), STAGE, ImageJobOutput.class)
        : Optional.empty();
  }

  /**
   * A succeeded video run's output (with the engine that made the clip, whether it was a fallback
   * and every engine asked); empty until it has one (or for another kind of run).
   */
  public static Optional<VideoJobOutput> videoResult(RunRecord run) {
    return run.kind().equals(VIDEO_KIND)
        ? MediaJson.artifact(run.artifacts(), STAGE, VideoJobOutput.class)
        : Optional.empty();
  }
}
