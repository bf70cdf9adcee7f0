package dev.reelforge.mediagen;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.imagegen.ImageGenerator;
import dev.reelforge.core.imagegen.Pngs;
import dev.reelforge.core.jobs.engine.JobService;
import dev.reelforge.core.jobs.engine.LeaseReaper;
import dev.reelforge.core.jobs.engine.PipelineRegistry;
import dev.reelforge.core.jobs.engine.QueueLimits;
import dev.reelforge.core.jobs.engine.RunFollower;
import dev.reelforge.core.jobs.engine.SubmitRequest;
import dev.reelforge.core.jobs.engine.WorkerPool;
import dev.reelforge.core.jobs.engine.WorkerPoolOptions;
import dev.reelforge.core.jobs.memory.InMemoryJobStore;
import dev.reelforge.core.jobs.memory.InMemoryWorkSignal;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.mediagen.engines.VideoEngines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * The media pipelines on a job engine inside this process, as a worker node runs them: an in-memory
 * job store (it passes the same contract tests as PostgreSQL's), a folder media store, a worker
 * pool per queue at seed 004 §7's concurrency (images 3, video 1) and a lease reaper. Many jobs may
 * be submitted at once; {@link #await} follows one to its end. What {@link MediaMaker} (the {@code
 * generate} command) and the media benchmark run on.
 */
public final class InProcessMedia implements AutoCloseable {

  /** Who owns the jobs: nobody signs in to the command. */
  public static final UUID LOCAL_OWNER = new UUID(0, 1);

  /** How often an idle pool looks for work, and a watcher for progress: memory is cheap to ask. */
  private static final Duration POLL = Duration.ofMillis(50);

  private final InMemoryJobStore jobStore;
  private final InMemoryWorkSignal signal;
  private final FolderMediaStore store;
  private final JobService jobs;
  private final RunFollower follower;
  private final LeaseReaper reaper;
  private final List<WorkerPool> pools;
  private final Clock clock;
  private final Path folder;

  /**
   * @param images the image engine in use
   * @param engines the video engines and their routing
   * @param thumbnailer makes every output's thumbnail
   * @param folder the media store and the jobs' scratch folders go inside it
   */
  public InProcessMedia(
      ImageGenerator images,
      VideoEngines engines,
      MediaThumbnailer thumbnailer,
      Path folder,
      Clock clock) {
    this.clock = clock;
    this.folder = folder;
    this.jobStore = new InMemoryJobStore(clock);
    this.signal = jobStore.workSignal();
    this.store = new FolderMediaStore(folder.resolve("store"));
    MediaPipelines pipelines =
        new MediaPipelines(images, engines, store, thumbnailer, folder.resolve("work"), clock);
    PipelineRegistry registry = new PipelineRegistry();
    pipelines.all().forEach(p -> registry.register(p.definition(), p.handlers()));
    this.jobs = new JobService(jobStore.runStore(), registry, QueueLimits.DEFAULT, clock);
    this.follower = new RunFollower(jobs, POLL, "generate");
    this.reaper = new LeaseReaper(jobStore.taskQueue(), LeaseReaper.DEFAULT_INTERVAL).start();
    this.pools =
        List.of(
            pool("image", MediaPipelines.IMAGE_QUEUE, MediaPipelines.IMAGE_CONCURRENCY, registry),
            pool("video", MediaPipelines.VIDEO_QUEUE, MediaPipelines.VIDEO_CONCURRENCY, registry));
    pools.forEach(WorkerPool::start);
  }

  private WorkerPool pool(String name, String queue, int concurrency, PipelineRegistry registry) {
    WorkerPoolOptions options =
        WorkerPoolOptions.of("generate-" + name, Set.of(queue), concurrency)
            .withTimings(POLL, WorkerPoolOptions.DEFAULT_LEASE, WorkerPoolOptions.DEFAULT_HEARTBEAT)
            .withShutdownGrace(Duration.ofSeconds(5));
    return new WorkerPool(options, jobStore.taskQueue(), registry, Optional.of(signal), clock);
  }

  /** The media store the jobs read their frames from and keep their outputs in. */
  public FolderMediaStore store() {
    return store;
  }

  /** Starts an image job; answers its id. */
  public UUID submitImage(ImageJobInput input) {
    return submit(MediaPipelines.IMAGE_KIND, MediaJson.write(input));
  }

  /** Stores the order's frames and starts its video job; answers its id. */
  public UUID submitVideo(VideoOrder order) {
    UUID frames = UUID.randomUUID();
    Optional<String> start = order.startImage().map(file -> frame(frames, "start", file));
    Optional<String> end = order.endImage().map(file -> frame(frames, "end", file));
    return submit(MediaPipelines.VIDEO_KIND, MediaJson.write(order.input(start, end)));
  }

  /** Stores a frame as a PNG (the frame keys' format), converting a JPEG first. */
  private String frame(UUID frames, String which, Path file) {
    String key = MediaKeys.frame(LOCAL_OWNER, frames, which);
    try {
      Path png = file;
      if (!Pngs.isPng(file)) {
        png = folder.resolve("frames").resolve(frames + "-" + which + ".png");
        Files.createDirectories(png.getParent());
        ImageStage.asPng(file, png);
      }
      store.put(key, png, "image/png");
    } catch (IOException e) {
      throw new ReelForgeException(
          ErrorCode.INVALID_INPUT,
          "cannot read the " + which + " frame " + file + ": " + e.getMessage());
    }
    return key;
  }

  private UUID submit(String kind, String inputs) {
    return jobs.submit(SubmitRequest.of(LOCAL_OWNER, kind, inputs)).run().id();
  }

  /**
   * Follows job {@code id} until it ends, telling {@code progress} each new report; cancels it when
   * {@code stop} says so.
   *
   * @return the succeeded run
   * @throws ReelForgeException the job's error when it failed
   * @throws CancellationException when it was stopped
   */
  public RunRecord await(UUID id, MediaProgress progress, BooleanSupplier stop) {
    RunRecord run =
        follower.follow(
            id,
            task -> progress.progress(task.progress(), task.progressMessage().orElseThrow()),
            stop);
    return RunFollower.succeeded(run, "job");
  }

  @Override
  public void close() {
    pools.forEach(WorkerPool::close);
    reaper.close();
    signal.close();
  }
}
