package dev.reelforge.mediagen;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.licence.MediaLicence;
import dev.reelforge.core.videogen.GeneratedVideo;
import dev.reelforge.core.videogen.PendingVideo;
import dev.reelforge.core.videogen.VideoProgress;
import dev.reelforge.core.videogen.VideoRequest;
import dev.reelforge.testkit.videogen.StubClips;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A video vendor as the tests script it: what each submit leads to, in order (a failure, a clip at
 * once, a clip after some polls, a job that never ends). Its state (jobs, counts) lives here, apart
 * from the {@link ScriptedVideoEngine} instances that call it, as a vendor's lives apart from the
 * processes that call it: a restarted process builds a new engine over the same vendor.
 */
final class ScriptedVendor {

  /** What one submit leads to. */
  sealed interface Plan {}

  record FailOnSubmit(ErrorCode code, boolean retryable) implements Plan {}

  record DoneAtOnce() implements Plan {}

  record DoneAfterPolls(int polls, Duration pollAfter) implements Plan {}

  record NeverDone(Duration pollAfter) implements Plan {}

  record FailOnPoll(int polls, ErrorCode code, boolean retryable) implements Plan {}

  /** Polls {@code 1..flaky} cannot be answered (a 5xx, a dropped download); then done. */
  record FlakyPolls(int flaky) implements Plan {}

  static Plan fails(ErrorCode code) {
    return new FailOnSubmit(code, code.retryable());
  }

  static Plan doneAtOnce() {
    return new DoneAtOnce();
  }

  static Plan doneAfter(int polls, Duration pollAfter) {
    return new DoneAfterPolls(polls, pollAfter);
  }

  static Plan neverDone(Duration pollAfter) {
    return new NeverDone(pollAfter);
  }

  final String engine;
  private final Clock clock;
  private final Deque<Plan> plans = new ArrayDeque<>();
  private volatile Plan otherwise;
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  final AtomicInteger submits = new AtomicInteger();
  final AtomicInteger polls = new AtomicInteger();
  final List<Instant> submitTimes = new CopyOnWriteArrayList<>();
  final List<String> cancelled = new CopyOnWriteArrayList<>();
  final List<VideoRequest> requests = new CopyOnWriteArrayList<>();

  /** When set, the next poll blocks until it is counted down (a worker that hangs mid-poll). */
  volatile CountDownLatch pollGate;

  /** Counted down when a poll reaches the gate. */
  volatile CountDownLatch pollReachedGate = new CountDownLatch(1);

  private record Job(Plan plan, int width, int height, AtomicInteger polled) {}

  ScriptedVendor(String engine, Clock clock, Plan otherwise) {
    this.engine = engine;
    this.clock = clock;
    this.otherwise = otherwise;
  }

  /** The next submits follow {@code next}, in order; then {@link #always}'s plan again. */
  synchronized ScriptedVendor then(Plan... next) {
    plans.addAll(List.of(next));
    return this;
  }

  /** Every submit without a plan of its own follows {@code plan}. */
  ScriptedVendor always(Plan plan) {
    otherwise = plan;
    return this;
  }

  private synchronized Plan nextPlan() {
    return plans.isEmpty() ? otherwise : plans.removeFirst();
  }

  VideoProgress submit(VideoRequest request, Path directory) {
    submits.incrementAndGet();
    submitTimes.add(clock.instant());
    requests.add(request);
    request
        .startImage()
        .ifPresent(
            f -> {
              if (!Files.isRegularFile(f.file())) {
                throw new IllegalStateException("the start frame is not there: " + f.file());
              }
            });
    Plan plan = nextPlan();
    String id = engine + "-job-" + submits.get();
    Job job = new Job(plan, request.width(), request.height(), new AtomicInteger());
    return switch (plan) {
      case FailOnSubmit fail ->
          throw new ReelForgeException(
              fail.code(), engine + " said no", fail.retryable(), List.of(), null);
      case DoneAtOnce done -> new VideoProgress.Done(clip(job, id, directory));
      case DoneAfterPolls later -> pending(id, job, later.pollAfter());
      case NeverDone never -> pending(id, job, never.pollAfter());
      case FailOnPoll failLater -> pending(id, job, Duration.ofSeconds(10));
      case FlakyPolls flaky -> pending(id, job, Duration.ofSeconds(10));
    };
  }

  private VideoProgress pending(String id, Job job, Duration pollAfter) {
    jobs.put(id, job);
    return new VideoProgress.Pending(
        new PendingVideo(engine, id, "submitted", clock.instant(), pollAfter));
  }

  VideoProgress poll(PendingVideo pending, Path directory) {
    CountDownLatch gate = pollGate;
    if (gate != null) {
      pollGate = null;
      pollReachedGate.countDown();
      try {
        gate.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new VideoProgress.Pending(pending.withStatus("processing", Duration.ofSeconds(10)));
    }
    polls.incrementAndGet();
    Job job = jobs.get(pending.externalId());
    if (job == null) {
      throw new ReelForgeException(ErrorCode.RESOURCE_NOT_FOUND, "no such job at " + engine);
    }
    int polled = job.polled().incrementAndGet();
    return switch (job.plan()) {
      case DoneAfterPolls later when polled >= later.polls() ->
          new VideoProgress.Done(clip(job, pending.externalId(), directory));
      case DoneAfterPolls later ->
          new VideoProgress.Pending(pending.withStatus("processing", later.pollAfter()));
      case NeverDone never ->
          new VideoProgress.Pending(pending.withStatus("processing", never.pollAfter()));
      case FailOnPoll fail when polled >= fail.polls() ->
          throw new ReelForgeException(
              fail.code(), engine + " job failed", fail.retryable(), List.of(), null);
      case FailOnPoll fail ->
          new VideoProgress.Pending(pending.withStatus("processing", Duration.ofSeconds(10)));
      case FlakyPolls flaky when polled <= flaky.flaky() ->
          throw new ReelForgeException(
              ErrorCode.EXTERNAL_API_ERROR, engine + " answered 503", true, List.of(), null);
      case FlakyPolls flaky -> new VideoProgress.Done(clip(job, pending.externalId(), directory));
      default -> throw new IllegalStateException("not a pending plan: " + job.plan());
    };
  }

  void cancel(PendingVideo pending) {
    cancelled.add(pending.externalId());
  }

  private GeneratedVideo clip(Job job, String id, Path directory) {
    try {
      Files.createDirectories(directory);
      Path file = directory.resolve(id + ".mp4");
      Files.write(file, StubClips.clip(job.width(), job.height(), 5));
      int width = job.width() > job.height() ? 160 : job.width() < job.height() ? 90 : 96;
      int height = job.width() > job.height() ? 90 : job.width() < job.height() ? 160 : 96;
      return new GeneratedVideo(
          file, width, height, 5.0, engine + "-test-model", MediaLicence.generated(engine));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
