package dev.reelforge.story;

import dev.reelforge.core.cost.CostAttribution;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.ingest.ArticleSource;
import dev.reelforge.core.jobs.api.PipelineDefinition;
import dev.reelforge.core.jobs.api.RegisteredPipeline;
import dev.reelforge.core.jobs.api.StageDefinition;
import dev.reelforge.core.jobs.engine.JobService;
import dev.reelforge.core.jobs.engine.LeaseReaper;
import dev.reelforge.core.jobs.engine.PipelineRegistry;
import dev.reelforge.core.jobs.engine.QueueLimits;
import dev.reelforge.core.jobs.engine.SubmitRequest;
import dev.reelforge.core.jobs.engine.WorkerPool;
import dev.reelforge.core.jobs.engine.WorkerPoolOptions;
import dev.reelforge.core.jobs.spi.JobError;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.core.jobs.spi.RunStatus;
import dev.reelforge.core.jobs.spi.RunStore;
import dev.reelforge.core.jobs.spi.TaskQueue;
import dev.reelforge.core.jobs.spi.WorkSignal;
import dev.reelforge.core.providers.ProviderPort;
import dev.reelforge.core.providers.ProviderRegistry;
import dev.reelforge.core.render.Cancellation;
import dev.reelforge.core.render.RenderCancelledException;
import dev.reelforge.core.render.Renderer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Makes one story with the {@code make} command: the {@link StoryPipeline} on a job engine inside
 * this process (in-memory run store and queue, worker pools for its queues), so the command and the
 * servers run the very same stages in the same order. The story's folder is the output folder.
 *
 * <p>The in-process engine forgets its run when the command ends. Running again with the same input
 * resumes all the same: the data stages are remembered in the work folder ({@link StageMemo}) and
 * the others find their files in their content caches, so nothing already paid for is redone. A
 * different input starts afresh (its keys differ).
 */
public final class StoryMaker {

  /**
   * The run store and queue of one in-process engine, fresh for each story, and the signal that
   * wakes its workers when work is ready (else they look every {@link #POLL}).
   */
  public record InProcessStores(RunStore runs, TaskQueue queue, Optional<WorkSignal> signal) {}

  /** Who owns a {@code make} run: nobody signs in to the command. */
  static final UUID LOCAL_OWNER = new UUID(0, 1);

  private static final Duration POLL = Duration.ofMillis(50);

  private final ProviderRegistry providers;
  private final ArticleSource articles;
  private final Renderer renderer;
  private final CostAttribution costs;
  private final Supplier<InProcessStores> stores;
  private final Clock clock;

  public StoryMaker(
      ProviderRegistry providers,
      ArticleSource articles,
      Renderer renderer,
      CostAttribution costs,
      Supplier<InProcessStores> stores,
      Clock clock) {
    this.providers = providers;
    this.articles = articles;
    this.renderer = renderer;
    this.costs = costs;
    this.stores = stores;
    this.clock = clock;
  }

  /**
   * @param folder where the outputs, the manifest and the work folder go
   * @param name the output files' stem
   * @throws ReelForgeException the failed stage's error; {@link RenderCancelledException} when
   *     {@code cancellation} stopped the run
   */
  public StoryResult make(
      StoryInput input,
      Path folder,
      String name,
      StoryProgress progress,
      Cancellation cancellation) {
    Path root = folder.toAbsolutePath().normalize();
    InProcessStores engine = stores.get();
    StoryPipeline pipeline =
        new StoryPipeline(
            providers,
            articles,
            renderer,
            engine.runs(),
            costs,
            StoryFolders.single(root),
            RenderSpeed.NONE,
            clock);
    Set<String> reused = ConcurrentHashMap.newKeySet();
    StageMemo memo =
        new StageMemo(
            root.resolve(StoryPipeline.WORK_DIR).resolve("stages"), providersInUse(), reused::add);
    RegisteredPipeline registered = pipeline.registered(memo::remembering);
    PipelineRegistry registry =
        new PipelineRegistry().register(registered.definition(), registered.handlers());
    JobService jobs = new JobService(engine.runs(), registry, QueueLimits.DEFAULT, clock);
    StoryRunInputs inputs = StoryRunInputs.forFolder(root, name, input);
    // A reaper as on a server: a task whose outcome could not be recorded goes back to the queue
    // when its lease expires instead of holding the run forever.
    try (LeaseReaper reaper =
            new LeaseReaper(engine.queue(), LeaseReaper.DEFAULT_INTERVAL).start();
        WorkerPool work = pool("make", otherQueues(registered.definition()), 4, engine, registry);
        WorkerPool render = pool("make-render", Set.of("render"), 1, engine, registry)) {
      work.start();
      render.start();
      RunRecord run =
          jobs.submit(SubmitRequest.of(LOCAL_OWNER, StoryPipeline.KIND, StoryJson.write(inputs)))
              .run();
      RunRecord ended =
          new RunWatcher(
                  jobs, run.id(), progress, StoryPipeline.skippedRenders(input.formats()), reused)
              .awaitEnd(cancellation, POLL);
      return result(ended, jobs, root, reused.size());
    } finally {
      engine.signal().ifPresent(WorkSignal::close);
    }
  }

  private StoryResult result(RunRecord run, JobService jobs, Path root, int reused) {
    if (run.status() == RunStatus.CANCELLED) {
      throw new RenderCancelledException();
    }
    if (run.status() == RunStatus.AWAITING_REVIEW) {
      // The command has no reviewer: the findings are told and the run cancelled.
      String findings =
          ModerationReviews.waiting(jobs, run.id(), StoryPipeline.MODERATION).stream()
              .flatMap(o -> o.findings().stream())
              .map(dev.reelforge.core.moderation.gate.GateFinding::describe)
              .collect(Collectors.joining("; "));
      jobs.cancel(run.id(), "make");
      throw new ReelForgeException(
          ErrorCode.VALIDATION_FAILED,
          "the moderation gate held the story, and make has no reviewer: "
              + findings
              + " (edit the script, or run it on a server where an operator reviews it)");
    }
    if (run.status() != RunStatus.SUCCEEDED) {
      // The run's error, as the API reports it.
      JobError error =
          run.error().orElse(new JobError(ErrorCode.INTERNAL_ERROR, "the run failed", "?", false));
      // Whether another try may pass is the failed task's to say (a 404 is not worth one).
      throw new ReelForgeException(
          error.code(), error.stage() + ": " + error.message(), error.retryable(), List.of(), null);
    }
    StoryOutputs.ManifestOutput manifest = StoryJson.result(run);
    return new StoryResult(
        run.id(),
        root,
        manifest.title(),
        manifest.outputs(),
        root.resolve(manifest.manifest()),
        reused,
        manifest.segmentsRendered(),
        manifest.segmentsReused(),
        manifest.script());
  }

  /** A pool that looks for work often: claiming from memory costs nothing. */
  private WorkerPool pool(
      String name,
      Set<String> queues,
      int concurrency,
      InProcessStores engine,
      PipelineRegistry registry) {
    WorkerPoolOptions options =
        WorkerPoolOptions.of(name, queues, concurrency)
            .withTimings(POLL, WorkerPoolOptions.DEFAULT_LEASE, WorkerPoolOptions.DEFAULT_HEARTBEAT)
            .withShutdownGrace(Duration.ofSeconds(5));
    return new WorkerPool(options, engine.queue(), registry, engine.signal(), clock);
  }

  private static Set<String> otherQueues(PipelineDefinition definition) {
    return definition.stagesInOrder().stream()
        .map(StageDefinition::queue)
        .filter(q -> !q.equals("render"))
        .collect(Collectors.toSet());
  }

  /**
   * The providers in use, as configured (name and description, which names the model): another
   * writer, model or voice makes another story, so nothing is reused.
   */
  private String providersInUse() {
    return List.of(
            ProviderPort.SCRIPT_WRITER,
            ProviderPort.SPEECH,
            ProviderPort.VISUALS,
            ProviderPort.MUSIC)
        .stream()
        .map(
            port ->
                port
                    + "="
                    + providers
                        .active(port)
                        .map(c -> c.name() + " (" + c.description() + ")")
                        .orElse("none"))
        .collect(Collectors.joining(","));
  }
}
