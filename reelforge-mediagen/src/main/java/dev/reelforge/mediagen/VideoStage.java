package dev.reelforge.mediagen;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.jobs.api.StageCancelledException;
import dev.reelforge.core.jobs.api.StageContext;
import dev.reelforge.core.jobs.api.StageResult;
import dev.reelforge.core.resilience.CircuitBreaker;
import dev.reelforge.core.resilience.CircuitBreaker.Admission;
import dev.reelforge.core.videogen.GeneratedVideo;
import dev.reelforge.core.videogen.PendingVideo;
import dev.reelforge.core.videogen.VideoGenerator;
import dev.reelforge.core.videogen.VideoProgress;
import dev.reelforge.core.videogen.VideoRequest;
import dev.reelforge.core.videogen.VideoRequest.Aspect;
import dev.reelforge.core.videogen.VideoRequest.Resolution;
import dev.reelforge.core.videogen.VideoRequest.VideoFrame;
import dev.reelforge.mediagen.engines.ProductionError;
import dev.reelforge.mediagen.engines.RetryProfile;
import dev.reelforge.mediagen.engines.VideoEngines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@code generate} stage of a video job, a state machine over the task's checkpoint ({@link
 * VideoCheckpoint}). Each execution does one short step and never waits for a vendor: it submits to
 * the first engine of the chain whose circuit admits it and saves the vendor's job at once, or
 * polls the job it saved, and answers {@link StageResult.RetryLater} until the clip is there. An
 * engine's failure is recorded on its breaker; a failure that may pass is retried on the same
 * engine under its {@link RetryProfile}, any other (and a job past the profile's timeout, cancelled
 * at the vendor) moves the job to the next engine. A refusal by a safety filter ends the job at
 * once: another engine would be asked to make the same refused thing.
 */
final class VideoStage {

  /** Jobs polled more often than this would only load the vendor. */
  private static final Duration MIN_POLL = Duration.ofMillis(200);

  private final VideoEngines engines;
  private final MediaStore store;
  private final MediaThumbnailer thumbnailer;
  private final WorkFolders work;
  private final Clock clock;

  VideoStage(
      VideoEngines engines,
      MediaStore store,
      MediaThumbnailer thumbnailer,
      WorkFolders work,
      Clock clock) {
    this.engines = engines;
    this.store = store;
    this.thumbnailer = thumbnailer;
    this.work = work;
    this.clock = clock;
  }

  StageResult execute(StageContext ctx) {
    VideoJobInput input = MediaJson.read(ctx.inputs(), VideoJobInput.class);
    VideoCheckpoint state =
        ctx.checkpoint()
            .map(VideoCheckpoint::read)
            .orElseGet(() -> VideoCheckpoint.start(engines.chain(input.engine())));
    Path dir = work.folder("video", ctx.runId());
    while (true) {
      ctx.checkCancelled();
      if (state.pending() != null) {
        Step step = poll(ctx, state, dir);
        if (step.result() != null) {
          return step.result();
        }
        state = step.state();
        continue;
      }
      if (state.spent()) {
        work.delete(dir);
        return new StageResult.FailedPermanently(everyEngineFailed(state));
      }
      String engine = state.engine();
      if (!engines.has(engine)) {
        state =
            state.failed(ErrorCode.SERVICE_UNAVAILABLE, "not available here any more").nextEngine();
        continue;
      }
      CircuitBreaker breaker = engines.breaker(engine);
      VideoRequest request = request(input, ctx, dir);
      Admission admission = breaker.tryAcquire();
      if (admission == Admission.REFUSED) {
        state =
            state
                .failed(
                    ErrorCode.SERVICE_UNAVAILABLE,
                    "skipped: its circuit is open until " + breaker.retryAt())
                .nextEngine();
        continue;
      }
      Step step = submit(ctx, state.asking(), engine, admission, request, dir);
      if (step.result() != null) {
        return step.result();
      }
      state = step.state();
    }
  }

  /**
   * What one step decided: a result to answer now, or the state to go on from in this execution.
   */
  private record Step(StageResult result, VideoCheckpoint state) {
    static Step answer(StageResult result) {
      return new Step(result, null);
    }

    static Step goOn(VideoCheckpoint state) {
      return new Step(null, state);
    }
  }

  private Step submit(
      StageContext ctx,
      VideoCheckpoint state,
      String engine,
      Admission admission,
      VideoRequest request,
      Path dir) {
    // Said before the submit: an engine that works in-process (the offline one) makes the whole
    // clip inside it. (The job engine keeps at most one report per half second, so the line after
    // a quick vendor submit may not show; the next poll's does.)
    ctx.progress(0.02, engine + ": generating");
    VideoProgress progress;
    try {
      progress = engines.engine(engine).submit(request, dir);
    } catch (StageCancelledException e) {
      engines.breaker(engine).onNeutral(admission);
      throw e;
    } catch (RuntimeException e) {
      return onFailure(ctx, state, engine, admission, failureOf(e), dir);
    }
    return switch (progress) {
      case VideoProgress.Done done -> Step.answer(finish(ctx, state, engine, done.video(), dir));
      case VideoProgress.Pending pending -> {
        VideoCheckpoint waiting =
            state.submitted(pending.job(), clock.instant(), admission == Admission.TRIAL);
        String checkpoint = waiting.write();
        // Saved before anything else can fail: a job resumed after a crash must poll this vendor
        // job rather than pay for a second one.
        ctx.saveCheckpoint(checkpoint);
        yield Step.answer(waitFor(ctx, waiting, checkpoint));
      }
    };
  }

  private Step poll(StageContext ctx, VideoCheckpoint state, Path dir) {
    String engine = state.engine();
    PendingVideo job = state.pending();
    Admission admission = state.trial() ? Admission.TRIAL : Admission.ADMITTED;
    if (!engines.has(engine)) {
      return Step.goOn(
          state.failed(ErrorCode.SERVICE_UNAVAILABLE, "not available here any more").nextEngine());
    }
    VideoGenerator generator = engines.engine(engine);
    RetryProfile profile = engines.profile(engine);
    if (!clock.instant().isBefore(deadline(state, profile))) {
      cancelQuietly(generator, job);
      engines.breaker(engine).onFailure();
      String message = "no clip " + profile.timeout().toSeconds() + " s after the submit";
      return Step.goOn(state.failed(ErrorCode.PRODUCTION_TIMEOUT, message).nextEngine());
    }
    VideoProgress progress;
    try {
      progress = generator.poll(job, dir);
    } catch (StageCancelledException e) {
      throw e; // the run is cancelled or the process stops: the job is polled again or abandoned
    } catch (RuntimeException e) {
      // The vendor's job failed or could not be asked about: either way it is not waited for any
      // more, and a retry submits afresh.
      cancelQuietly(generator, job);
      return onFailure(ctx, state, engine, admission, failureOf(e), dir);
    }
    return switch (progress) {
      case VideoProgress.Done done -> Step.answer(finish(ctx, state, engine, done.video(), dir));
      case VideoProgress.Pending pending -> {
        VideoCheckpoint waiting = state.polled(pending.job());
        yield Step.answer(waitFor(ctx, waiting, waiting.write()));
      }
    };
  }

  /** Tells how far the job is and asks to be run again at the vendor's next poll time. */
  private StageResult waitFor(StageContext ctx, VideoCheckpoint state, String checkpoint) {
    String engine = state.engine();
    RetryProfile profile = engines.profile(engine);
    Instant now = clock.instant();
    Duration waited = Duration.between(state.submittedAt(), now);
    double fraction = Math.min(0.9, 0.05 + 0.85 * waited.toMillis() / profile.timeout().toMillis());
    String status = state.pending().vendorStatus();
    ctx.progress(fraction, engine + ": " + (status.isBlank() ? "waiting" : status));
    Duration untilDeadline = Duration.between(now, deadline(state, profile));
    Duration next = state.pending().pollAfter();
    if (next.compareTo(untilDeadline) > 0) {
      next = untilDeadline; // the deadline is noticed on time, not at the vendor's next poll
    }
    if (next.compareTo(MIN_POLL) < 0) {
      next = MIN_POLL;
    }
    return StageResult.retryLater(next, checkpoint);
  }

  private static Instant deadline(VideoCheckpoint state, RetryProfile profile) {
    return state.submittedAt().plus(profile.timeout());
  }

  /**
   * Decides what an engine's failure leads to: the end of the job (a refused request), a retry on
   * the same engine after its profile's backoff, or the next engine at once.
   */
  private Step onFailure(
      StageContext ctx,
      VideoCheckpoint state,
      String engine,
      Admission admission,
      ReelForgeException error,
      Path dir) {
    CircuitBreaker breaker = engines.breaker(engine);
    ErrorCode code = error.code();
    String message = error.getMessage();
    switch (code) {
      case CONTENT_REFUSED -> {
        breaker.onNeutral(admission); // the engine works: it refused this request
        work.delete(dir);
        return Step.answer(
            new StageResult.FailedPermanently(
                new ReelForgeException(
                    ErrorCode.CONTENT_REFUSED,
                    engine
                        + " refused the request: "
                        + message
                        + " Change the prompt or the pictures; no other engine was asked.",
                    false,
                    error.violations(),
                    null)));
      }
      case INVALID_INPUT, VALIDATION_FAILED -> {
        // The engine cannot take this request (a text-only job on an image-only engine); the next
        // one may. It says nothing about the engine's health.
        breaker.onNeutral(admission);
        return Step.goOn(state.failed(code, message).nextEngine());
      }
      case EXTERNAL_RATE_LIMIT, PRODUCTION_TIMEOUT -> {
        // Seed 001 §6.3: busy or slow, try the alternate engine rather than wait on this one.
        breaker.onFailure();
        return Step.goOn(state.failed(code, message).nextEngine());
      }
      default -> {
        breaker.onFailure();
        RetryProfile profile = engines.profile(engine);
        VideoCheckpoint failed = state.failed(code, message);
        if (error.retryable() && profile.allowsRetry(state.retriesUsed())) {
          VideoCheckpoint retry = failed.retrying();
          Duration backoff = profile.delayBefore(retry.retriesUsed());
          ctx.progress(
              0.02,
              engine
                  + ": failed ("
                  + code
                  + "), retry "
                  + retry.retriesUsed()
                  + " in "
                  + seconds(backoff));
          return Step.answer(StageResult.retryLater(backoff, retry.write()));
        }
        return Step.goOn(failed.nextEngine());
      }
    }
  }

  /** Stores the clip and its thumbnail and answers the job's output. */
  private StageResult finish(
      StageContext ctx, VideoCheckpoint state, String engine, GeneratedVideo video, Path dir) {
    engines.breaker(engine).onSuccess();
    ctx.progress(0.95, engine + ": storing the clip");
    Path thumb = dir.resolve("thumb.jpg");
    thumbnailer.ofClip(video.file(), thumb);
    String clipKey = MediaKeys.video(ctx.ownerId(), ctx.runId());
    String thumbKey = MediaKeys.thumb(ctx.ownerId(), ctx.runId());
    store.put(clipKey, video.file(), "video/mp4");
    store.put(thumbKey, thumb, "image/jpeg");
    work.delete(dir);
    VideoCheckpoint done = state.asking();
    VideoJobOutput output =
        new VideoJobOutput(
            clipKey,
            thumbKey,
            video.width(),
            video.height(),
            video.durationSeconds(),
            engine,
            video.model(),
            !engine.equals(done.chain().getFirst()),
            done.enginesTried(),
            MediaCosts.video(video.durationSeconds()));
    ctx.progress(1.0, engine + ": done");
    return StageResult.completed(MediaJson.write(output));
  }

  /** The port's request, with the frames copied from the store into the work folder. */
  private VideoRequest request(VideoJobInput input, StageContext ctx, Path dir) {
    return new VideoRequest(
        input.prompt(),
        frame(input.startFrameKey(), input.startFrameUrl(), dir.resolve("start.png")),
        frame(input.endFrameKey(), input.endFrameUrl(), dir.resolve("end.png")),
        input.durationS(),
        input.fps(),
        Resolution.parse(input.resolution()),
        Aspect.parse(input.aspectRatio(), "aspect_ratio"),
        input.seed());
  }

  private Optional<VideoFrame> frame(String key, String url, Path target) {
    if (key == null) {
      return Optional.empty();
    }
    if (!Files.isRegularFile(target)) {
      store.copyTo(key, target);
    }
    return Optional.of(new VideoFrame(target, Optional.ofNullable(url)));
  }

  /** The job's final error once every engine failed: each engine's failure, the last one's code. */
  private static ReelForgeException everyEngineFailed(VideoCheckpoint state) {
    if (state.failures().isEmpty()) {
      return new ReelForgeException(ErrorCode.SERVICE_UNAVAILABLE, "no video engine to ask");
    }
    EngineFailure last = state.failures().getLast();
    String each =
        state.failures().stream().map(EngineFailure::toString).collect(Collectors.joining("; "));
    ProductionError advice = ProductionError.of(last.code());
    return new ReelForgeException(
        last.code(),
        "every video engine failed ("
            + each
            + "). "
            + advice.message()
            + " (user action: "
            + advice.userAction()
            + ")");
  }

  private static ReelForgeException failureOf(RuntimeException e) {
    if (e instanceof ReelForgeException known) {
      return known;
    }
    // An engine's bug or an unexpected fault of its client: worth a retry, as the job engine
    // treats unknown exceptions.
    String message = e.getMessage() == null ? "" : ": " + e.getMessage();
    return new ReelForgeException(
        ErrorCode.EXTERNAL_API_ERROR, e.getClass().getSimpleName() + message, true, List.of(), e);
  }

  /** Best effort: a job nobody waits for is stopped so that its vendor does not bill it. */
  private static void cancelQuietly(VideoGenerator generator, PendingVideo job) {
    try {
      generator.cancel(job);
    } catch (RuntimeException e) {
      // The vendor may have ended it already; nothing else depends on the answer.
    }
  }

  private static String seconds(Duration duration) {
    return duration.toMillis() % 1000 == 0
        ? duration.toSeconds() + " s"
        : String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }
}
