package dev.reelforge.mediagen;

import dev.reelforge.core.imagegen.ImageGenerator;
import dev.reelforge.core.jobs.engine.JobService;
import dev.reelforge.core.jobs.engine.PipelineRegistry;
import dev.reelforge.core.jobs.engine.QueueLimits;
import dev.reelforge.core.jobs.engine.SubmitRequest;
import dev.reelforge.core.jobs.engine.WorkerPool;
import dev.reelforge.core.jobs.engine.WorkerPoolOptions;
import dev.reelforge.core.jobs.memory.InMemoryJobStore;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.core.jobs.spi.TaskRecord;
import dev.reelforge.core.jobs.spi.TaskStatus;
import dev.reelforge.mediagen.engines.VideoEngines;
import dev.reelforge.testkit.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The media pipelines on an in-process job engine, as a node runs them: an in-memory job store (the
 * "database", kept across {@link #restart}s), a folder media store, one worker pool per queue and a
 * settable clock that {@link #awaitEnd} moves to each delayed task's due time, so that a 300-second
 * vendor wait takes milliseconds.
 */
final class MediaHarness implements AutoCloseable {

  static final UUID OWNER = UUID.fromString("00000000-0000-0000-0000-00000000beef");

  final MutableClock clock;
  final InMemoryJobStore jobStore;
  final FolderMediaStore media;
  final Path workRoot;
  private final ImageGenerator images;
  private final List<WorkerPool> pools = new ArrayList<>();
  JobService jobs;
  WorkerPool videoPool;
  MediaPipelines pipelines;

  private MediaHarness(
      MutableClock clock, InMemoryJobStore jobStore, Path dir, ImageGenerator images) {
    this.clock = clock;
    this.jobStore = jobStore;
    this.media = new FolderMediaStore(dir.resolve("store"));
    this.workRoot = dir.resolve("work");
    this.images = images;
  }

  static MediaHarness start(
      Path dir, MutableClock clock, ImageGenerator images, VideoEngines engines) {
    return start(dir, clock, images, engines, 1, WorkerPoolOptions.DEFAULT_HEARTBEAT);
  }

  /**
   * @param videoConcurrency tasks the video pool runs at once (seed 004 §7: 1)
   * @param heartbeat how often the pools extend their leases, in real time
   */
  static MediaHarness start(
      Path dir,
      MutableClock clock,
      ImageGenerator images,
      VideoEngines engines,
      int videoConcurrency,
      Duration heartbeat) {
    MediaHarness harness = new MediaHarness(clock, new InMemoryJobStore(clock), dir, images);
    harness.startPools(engines, videoConcurrency, heartbeat);
    return harness;
  }

  /**
   * A new "process" over the same job store and media store: new pipelines over {@code engines},
   * new pools; the old pools are left as they are (a process that died does nothing more).
   */
  MediaHarness restart(VideoEngines engines) {
    startPools(engines, 1, WorkerPoolOptions.DEFAULT_HEARTBEAT);
    return this;
  }

  private void startPools(VideoEngines engines, int videoConcurrency, Duration heartbeat) {
    pipelines =
        new MediaPipelines(images, engines, media, new ImageIoThumbnailer(), workRoot, clock);
    PipelineRegistry registry = new PipelineRegistry();
    pipelines.all().forEach(p -> registry.register(p.definition(), p.handlers()));
    jobs = new JobService(jobStore.runStore(), registry, QueueLimits.DEFAULT, clock);
    WorkerPool imagePool =
        pool("image", MediaPipelines.IMAGE_QUEUE, 3, registry, heartbeat).start();
    videoPool = pool("video", MediaPipelines.VIDEO_QUEUE, videoConcurrency, registry, heartbeat);
    videoPool.start();
    pools.add(imagePool);
    pools.add(videoPool);
  }

  private WorkerPool pool(
      String name, String queue, int concurrency, PipelineRegistry registry, Duration heartbeat) {
    WorkerPoolOptions options =
        WorkerPoolOptions.of(name, java.util.Set.of(queue), concurrency)
            .withTimings(Duration.ofMillis(10), WorkerPoolOptions.DEFAULT_LEASE, heartbeat)
            .withShutdownGrace(Duration.ofSeconds(2));
    return new WorkerPool(
        options, jobStore.taskQueue(), registry, Optional.of(jobStore.workSignal()), clock);
  }

  /** Stops the pools started last (the "process" dies between two polls). */
  void stopPools() {
    for (WorkerPool pool : pools) {
      pool.close();
    }
    pools.clear();
  }

  UUID submitImage(ImageJobInput input) {
    return jobs.submit(SubmitRequest.of(OWNER, MediaPipelines.IMAGE_KIND, MediaJson.write(input)))
        .run()
        .id();
  }

  UUID submitVideo(VideoJobInput input) {
    return jobs.submit(SubmitRequest.of(OWNER, MediaPipelines.VIDEO_KIND, MediaJson.write(input)))
        .run()
        .id();
  }

  static VideoJobInput textVideo(String engine) {
    return new VideoJobInput(
        "waves at sunset", null, null, null, null, 5, 24, "480p", "16:9", 7, engine);
  }

  TaskRecord task(UUID run) {
    return jobs.tasks(run).getFirst();
  }

  /**
   * Waits until {@code run} has ended, moving the clock to each delayed task's due time so that no
   * vendor wait or backoff is waited for in real time. Fails after 20 s of real time.
   */
  RunRecord awaitEnd(UUID run) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      RunRecord record = jobs.run(run);
      if (record.status().isTerminal()) {
        return record;
      }
      advanceToDueTask(run);
      pause();
    }
    throw new AssertionError("run " + run + " did not end: " + jobs.tasks(run));
  }

  /** Moves the clock to {@code run}'s task's due time, if it waits for one. */
  boolean advanceToDueTask(UUID run) {
    TaskRecord task = task(run);
    if (task.status() == TaskStatus.READY && task.runAfter().isAfter(clock.instant())) {
      clock.set(task.runAfter());
      return true;
    }
    return false;
  }

  /** Waits (real time) until {@code run}'s task is back in the queue, delayed; fails after 20 s. */
  TaskRecord awaitDelayed(UUID run) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      TaskRecord task = task(run);
      if (task.status() == TaskStatus.READY && task.runAfter().isAfter(clock.instant())) {
        return task;
      }
      pause();
    }
    throw new AssertionError("run " + run + " never waited: " + jobs.tasks(run));
  }

  static void pause() {
    try {
      Thread.sleep(5);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted");
    }
  }

  @Override
  public void close() {
    stopPools();
  }
}
