package dev.reelforge.clips;

import dev.reelforge.core.clips.ClipMedia;
import dev.reelforge.core.clips.memory.InMemoryClipStore;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.jobs.engine.JobService;
import dev.reelforge.core.jobs.engine.LeaseReaper;
import dev.reelforge.core.jobs.engine.PipelineRegistry;
import dev.reelforge.core.jobs.engine.QueueLimits;
import dev.reelforge.core.jobs.engine.RunFollower;
import dev.reelforge.core.jobs.engine.WorkerPool;
import dev.reelforge.core.jobs.engine.WorkerPoolOptions;
import dev.reelforge.core.jobs.memory.InMemoryJobStore;
import dev.reelforge.core.jobs.memory.InMemoryWorkSignal;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.core.render.Renderer;
import dev.reelforge.core.transcript.Transcriber;
import dev.reelforge.core.vision.FaceDetector;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/**
 * The clips pipelines on a job engine inside this process, as worker nodes run them: an in-memory
 * job store and clip store (both pass the same contract tests as PostgreSQL's), a folder for the
 * files, one worker pool per queue and a lease reaper. What {@link ClipMaker} (the {@code clips}
 * command) and the clips benchmark run on.
 */
public final class InProcessClips implements AutoCloseable {

  /** Who owns the sources: nobody signs in to the command. */
  public static final UUID LOCAL_OWNER = new UUID(0, 1);

  private static final Duration POLL = Duration.ofMillis(100);

  private final InMemoryJobStore jobStore;
  private final InMemoryWorkSignal signal;
  private final JobService jobs;
  private final LeaseReaper reaper;
  private final List<WorkerPool> pools;
  private final Clips clips;
  private final FolderClipFiles files;
  private final RunFollower follower;

  /**
   * @param folder the files and the stages' scratch folders go inside it
   */
  public InProcessClips(
      ClipMedia media,
      Transcriber transcriber,
      FaceDetector faces,
      Renderer renderer,
      HighlightRanking ranking,
      ClipLimits limits,
      Path folder,
      Clock clock) {
    this.jobStore = new InMemoryJobStore(clock);
    this.signal = jobStore.workSignal();
    this.files = new FolderClipFiles(folder.resolve("store"));
    InMemoryClipStore store = new InMemoryClipStore();
    ClipPipelines pipelines =
        new ClipPipelines(
            files,
            media,
            transcriber,
            faces,
            renderer,
            store,
            ranking,
            folder.resolve("work"),
            clock,
            ClipPipelines.Options.DEFAULT);
    PipelineRegistry registry = new PipelineRegistry();
    for (var pipeline : List.of(pipelines.analysis(), pipelines.export())) {
      registry.register(pipeline.definition(), pipeline.handlers());
    }
    this.jobs = new JobService(jobStore.runStore(), registry, QueueLimits.DEFAULT, clock);
    this.follower = new RunFollower(jobs, POLL, "clips");
    this.reaper = new LeaseReaper(jobStore.taskQueue(), LeaseReaper.DEFAULT_INTERVAL).start();
    // Two cores: analysis stages side by side (transcript beside signals), one render at a time.
    this.pools =
        List.of(
            pool("ingest", ClipPipelines.INGEST_QUEUE, 1, registry, clock),
            pool("analysis", ClipPipelines.ANALYSIS_QUEUE, 2, registry, clock),
            pool("export", ClipPipelines.EXPORT_QUEUE, 1, registry, clock));
    pools.forEach(WorkerPool::start);
    this.clips =
        new Clips(
            store,
            files,
            media,
            jobs,
            new Clips.Admission() {
              @Override
              public long analysis(UUID owner, long seconds) {
                return 0; // the command line spends no credits: it is the owner's own machine
              }

              @Override
              public long export(UUID owner, long seconds, int presets) {
                return 0;
              }
            },
            limits,
            clock);
  }

  private WorkerPool pool(
      String name, String queue, int concurrency, PipelineRegistry registry, Clock clock) {
    WorkerPoolOptions options =
        WorkerPoolOptions.of("clips-" + name, Set.of(queue), concurrency)
            .withTimings(POLL, WorkerPoolOptions.DEFAULT_LEASE, WorkerPoolOptions.DEFAULT_HEARTBEAT)
            .withShutdownGrace(Duration.ofSeconds(5));
    return new WorkerPool(options, jobStore.taskQueue(), registry, Optional.of(signal), clock);
  }

  /** The feature, as routes would use it. */
  public Clips clips() {
    return clips;
  }

  /** Where the files are kept. */
  public FolderClipFiles files() {
    return files;
  }

  /**
   * Follows run {@code id} until it ends, telling {@code progress} each new report (stage and
   * message); cancels it when {@code stop} says so, and tells the source how an analysis ended.
   *
   * @return the succeeded run
   * @throws ReelForgeException the run's error when it failed
   * @throws CancellationException when it was stopped
   */
  public RunRecord await(UUID id, BiConsumer<Double, String> progress, BooleanSupplier stop) {
    RunRecord run =
        follower.follow(
            id,
            task ->
                progress.accept(
                    task.progress(), task.stage() + ": " + task.progressMessage().orElseThrow()),
            stop);
    clips.analysisEnded(run);
    return RunFollower.succeeded(run, "run");
  }

  @Override
  public void close() {
    pools.forEach(WorkerPool::close);
    reaper.close();
    signal.close();
  }
}
