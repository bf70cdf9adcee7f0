package dev.reelforge.app.media;

import dev.reelforge.core.jobs.spi.JobError;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.core.jobs.spi.RunStatus;
import dev.reelforge.core.jobs.spi.TaskRecord;
import dev.reelforge.core.storage.BlobCatalog;
import dev.reelforge.mediagen.ImageJobInput;
import dev.reelforge.mediagen.ImageJobOutput;
import dev.reelforge.mediagen.MediaCosts;
import dev.reelforge.mediagen.MediaJson;
import dev.reelforge.mediagen.MediaPipelines;
import dev.reelforge.mediagen.VideoJobInput;
import dev.reelforge.mediagen.VideoJobOutput;
import dev.reelforge.mediagen.engines.ProductionError;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A job as the API and the dashboard show it, in seed 004's shapes: {@code queued | running |
 * succeeded | failed} (a cancelled job is failed, saying so), signed output links that expire, the
 * cost estimate (from the request while it runs, from the result once done) and, for a failed job,
 * what the error means for the user (seed 001 §6.3: retryable, fallback_available, user_action).
 */
final class MediaJobViews {

  private final BlobCatalog catalog;
  private final Duration linkTtl;
  private final Function<RunRecord, List<TaskRecord>> tasks;

  MediaJobViews(
      BlobCatalog catalog, Duration linkTtl, Function<RunRecord, List<TaskRecord>> tasks) {
    this.catalog = catalog;
    this.linkTtl = linkTtl;
    this.tasks = tasks;
  }

  /** The seed's status word for a run. */
  static String status(RunStatus status) {
    return switch (status) {
      case QUEUED -> "queued";
      case RUNNING, AWAITING_REVIEW -> "running";
      case SUCCEEDED -> "succeeded";
      case FAILED, CANCELLED -> "failed";
    };
  }

  Map<String, Object> image(RunRecord run) {
    ImageJobInput input = MediaJson.read(run.inputs(), ImageJobInput.class);
    Optional<ImageJobOutput> output = MediaPipelines.imageResult(run);
    Map<String, Object> view = common(run);
    view.put("prompt", input.prompt());
    view.put("aspect_ratio", input.aspectRatio());
    view.put("seed", input.seed());
    view.put("quality", input.quality());
    view.put("output_urls", output.map(o -> List.of(link(o.imageKey()))).orElse(List.of()));
    view.put("thumbnail_url", output.map(o -> link(o.thumbKey())).orElse(null));
    view.put("width", output.map(ImageJobOutput::width).orElse(input.size()[0]));
    view.put("height", output.map(ImageJobOutput::height).orElse(input.size()[1]));
    view.put("model", output.map(ImageJobOutput::model).orElse(null));
    view.put(
        "estimated_cost_usd",
        output.map(ImageJobOutput::estimatedCostUsd).orElse(MediaCosts.image()));
    finish(run, view);
    return view;
  }

  Map<String, Object> video(RunRecord run) {
    VideoJobInput input = MediaJson.read(run.inputs(), VideoJobInput.class);
    Optional<VideoJobOutput> output = MediaPipelines.videoResult(run);
    Map<String, Object> view = common(run);
    view.put("video_prompt", input.prompt());
    view.put("clip_url", output.map(o -> link(o.clipKey())).orElse(null));
    view.put("thumbnail_url", output.map(o -> link(o.thumbKey())).orElse(null));
    view.put("duration_s", output.map(o -> (Object) o.durationS()).orElse(input.durationS()));
    view.put("fps", input.fps());
    view.put("resolution", input.resolution());
    view.put("aspect_ratio", input.aspectRatio());
    view.put("seed", input.seed());
    view.put("width", output.map(VideoJobOutput::width).orElse(null));
    view.put("height", output.map(VideoJobOutput::height).orElse(null));
    view.put("engine", output.map(VideoJobOutput::engine).orElse(input.engine()));
    view.put("model", output.map(VideoJobOutput::model).orElse(null));
    view.put("fallback_used", output.map(VideoJobOutput::fallbackUsed).orElse(false));
    view.put("engines_tried", output.map(VideoJobOutput::enginesTried).orElse(List.of()));
    BigDecimal estimate = MediaCosts.video(input.durationS());
    view.put("estimated_cost_usd", output.map(VideoJobOutput::estimatedCostUsd).orElse(estimate));
    finish(run, view);
    return view;
  }

  private Map<String, Object> common(RunRecord run) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("job_id", run.id().toString());
    view.put("kind", run.kind());
    view.put("status", status(run.status()));
    return view;
  }

  private void finish(RunRecord run, Map<String, Object> view) {
    if (run.status() == RunStatus.RUNNING || run.status() == RunStatus.QUEUED) {
      view.put("progress", progress(run));
    }
    Optional<JobError> error = run.error();
    if (run.status() == RunStatus.CANCELLED && error.isEmpty()) {
      view.put("error_message", "the job was cancelled");
      view.put("error", null);
    } else {
      view.put("error_message", error.map(JobError::message).orElse(null));
      view.put("error", error.map(MediaJobViews::advice).orElse(null));
    }
    view.put("credits", run.credits().amount());
    view.put("credits_refunded", run.credits().refunded());
    view.put("created_at", run.createdAt().toString());
    view.put("started_at", run.startedAt().map(Instant::toString).orElse(null));
    view.put("completed_at", run.completedAt().map(Instant::toString).orElse(null));
  }

  private Map<String, Object> progress(RunRecord run) {
    Map<String, Object> progress = new LinkedHashMap<>();
    for (TaskRecord task : tasks.apply(run)) {
      progress.put("percent", (int) Math.floor(task.progress() * 100));
      progress.put("message", task.progressMessage().orElse(""));
    }
    return progress;
  }

  private static Map<String, Object> advice(JobError error) {
    ProductionError advice = ProductionError.of(error.code());
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("code", error.code().name());
    view.put("message", error.message());
    view.put("retryable", error.retryable());
    // A job fails only once its chain is spent (or nothing else may take it): no engine is left
    // to fall back to within this job; the user action says what may help now.
    view.put("fallback_available", false);
    view.put("user_action", advice.userAction().name());
    return view;
  }

  private String link(String key) {
    return catalog.signedUrl(key, linkTtl).toString();
  }
}
