package dev.reelforge.app.media;

import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.mediagen.ImageJobInput;
import dev.reelforge.mediagen.MediaJobs;
import dev.reelforge.mediagen.VideoJobInput;
import dev.reelforge.mediagen.engines.VideoEngines;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * A user's media jobs as the API and the dashboard's Generate page start and read them: one place
 * that checks a request (the job inputs' field errors, the engine, the seed), resolves a video's
 * frames, and submits through {@link MediaJobs} (quota and credits); and the job as shown, in the
 * API's shape. Neither the routes nor the page repeat any of it.
 */
@Component
public final class OwnMediaJobs {

  /** A video job's length when the request names none (seconds). */
  public static final int DEFAULT_DURATION_S = 4;

  public static final int DEFAULT_FPS = 24;

  public static final String DEFAULT_RESOLUTION = "720p";

  public static final String DEFAULT_ASPECT = "16:9";

  /** The largest seed: the vendors' range (an unsigned 32-bit number). */
  public static final long MAX_SEED = 4_294_967_295L;

  private final MediaJobs jobs;
  private final MediaJobViews views;
  private final FrameSources frames;
  private final VideoEngines engines;

  OwnMediaJobs(MediaJobs jobs, MediaJobViews views, FrameSources frames, VideoEngines engines) {
    this.jobs = jobs;
    this.views = views;
    this.frames = frames;
    this.engines = engines;
  }

  /** Starts an image job; a repeated idempotency key returns the first job. */
  public RunRecord startImage(UUID owner, MediaRequests.Image body, Optional<String> key) {
    ImageJobInput input =
        new ImageJobInput(
            body.prompt(),
            body.negativePrompt(),
            body.aspectRatio(),
            seedOf(body.seed()),
            body.quality());
    return jobs.submitImage(owner, input, key);
  }

  /**
   * Starts a video job: its own fields are checked before any link is fetched, then its frames are
   * resolved (an image job id, one's own signed link, or a public link through the address guard).
   */
  public RunRecord startVideo(UUID owner, MediaRequests.Video body, Optional<String> key) {
    String engine =
        body.engine() == null || body.engine().isBlank() ? null : checkedEngine(body.engine());
    int duration = Objects.requireNonNullElse(body.durationS(), DEFAULT_DURATION_S);
    int fps = Objects.requireNonNullElse(body.fps(), DEFAULT_FPS);
    String resolution = Objects.requireNonNullElse(body.resolution(), DEFAULT_RESOLUTION);
    String aspect = Objects.requireNonNullElse(body.aspectRatio(), DEFAULT_ASPECT);
    long seed = seedOf(body.seed());
    new VideoJobInput(
        body.videoPrompt(),
        blankToNull(body.startImageUrl()),
        blankToNull(body.endImageUrl()),
        null,
        null,
        duration,
        fps,
        resolution,
        aspect,
        seed,
        engine);
    UUID upload = UUID.randomUUID();
    Optional<FrameSources.Frame> start =
        frames.resolve(owner, body.startImageUrl(), upload, "start", "start_image_url");
    Optional<FrameSources.Frame> end =
        frames.resolve(owner, body.endImageUrl(), upload, "end", "end_image_url");
    VideoJobInput input =
        new VideoJobInput(
            body.videoPrompt(),
            start.map(FrameSources.Frame::key).orElse(null),
            end.map(FrameSources.Frame::key).orElse(null),
            start.flatMap(FrameSources.Frame::publicUrl).orElse(null),
            end.flatMap(FrameSources.Frame::publicUrl).orElse(null),
            duration,
            fps,
            resolution,
            aspect,
            seed,
            engine);
    return jobs.submitVideo(owner, input, key);
  }

  /**
   * The owner's job of either kind.
   *
   * @throws ReelForgeException RESOURCE_NOT_FOUND for an unknown id or another user's job
   */
  public RunRecord job(UUID owner, UUID id) {
    try {
      return jobs.job(owner, MediaJobs.IMAGE, id);
    } catch (ReelForgeException notAnImage) {
      return jobs.job(owner, MediaJobs.VIDEO, id);
    }
  }

  /** The owner's newest jobs of both kinds, newest first, at most {@code limit}. */
  public List<RunRecord> recent(UUID owner, int limit) {
    return Stream.concat(
            jobs.jobs(owner, MediaJobs.IMAGE, limit).stream(),
            jobs.jobs(owner, MediaJobs.VIDEO, limit).stream())
        .sorted(Comparator.comparing(RunRecord::createdAt).reversed())
        .limit(limit)
        .toList();
  }

  /** The job in the API's shape (seed 004's field names), by its kind. */
  public Map<String, Object> view(RunRecord run) {
    return run.kind().equals(MediaJobs.VIDEO) ? views.video(run) : views.image(run);
  }

  private String checkedEngine(String asked) {
    if (!engines.has(asked.strip())) {
      throw ReelForgeException.invalidField(
          "engine", "must be one of " + String.join(", ", engines.names()));
    }
    return asked.strip();
  }

  /** A seed the caller gave, or a random one recorded with the job so that it can be repeated. */
  private static long seedOf(Long given) {
    if (given == null) {
      return ThreadLocalRandom.current().nextLong(0, 1L << 31);
    }
    if (given < 0 || given > MAX_SEED) {
      throw ReelForgeException.invalidField("seed", "must be 0 to " + MAX_SEED);
    }
    return given;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
