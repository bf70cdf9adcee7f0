package dev.reelforge.app.cli;

import dev.reelforge.brand.SceneVideos;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.jobs.engine.JobService;
import dev.reelforge.core.jobs.engine.SubmitRequest;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.core.jobs.spi.TaskRecord;
import dev.reelforge.mediagen.MediaJson;
import dev.reelforge.mediagen.MediaPipelines;
import dev.reelforge.mediagen.VideoJobInput;
import dev.reelforge.mediagen.VideoJobOutput;
import dev.reelforge.mediagen.engines.ProductionError;
import dev.reelforge.mediagen.engines.VideoEngines;
import java.util.Optional;
import java.util.UUID;

/**
 * Scene production for the {@code brand} command: each scene's clip is a media video job on the
 * same in-process engine (its chain, breakers and retries), starting from the scene's preview,
 * which is already in the shared folder store. Nobody pays on one's own machine: no credits.
 */
final class LocalSceneVideos implements SceneVideos {

  private static final int FPS = 24;

  private final JobService jobs;
  private final VideoEngines engines;

  LocalSceneVideos(JobService jobs, VideoEngines engines) {
    this.jobs = jobs;
    this.engines = engines;
  }

  @Override
  public UUID submit(UUID owner, Order order, String idempotencyKey) {
    VideoJobInput input =
        new VideoJobInput(
            order.prompt(),
            order.startFrameKey(),
            null,
            null,
            null,
            order.durationS(),
            FPS,
            "720p",
            order.aspectRatio(),
            order.seed(),
            // The routed engine when it is installed here; otherwise the one in use (offline:
            // local).
            engines.has(order.engine()) ? order.engine() : null);
    return jobs.submit(
            new SubmitRequest(
                owner,
                MediaPipelines.VIDEO_KIND,
                MediaJson.write(input),
                0,
                Optional.of(idempotencyKey),
                0))
        .run()
        .id();
  }

  @Override
  public void checkAffordable(UUID owner, int scenes, int seconds) {
    // No credits on the command line.
  }

  @Override
  public void cancel(UUID owner, UUID jobId) {
    jobs.cancel(jobId, "brand");
  }

  @Override
  public State state(UUID owner, UUID jobId) {
    RunRecord run = jobs.run(jobId);
    return switch (run.status()) {
      case SUCCEEDED -> {
        VideoJobOutput output = MediaPipelines.videoResult(run).orElseThrow();
        yield new Done(output.clipKey(), output.durationS(), output.engine(), 0);
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
              jobs.tasks(run.id()).stream().mapToDouble(TaskRecord::progress).max().orElse(0));
    };
  }
}
