package dev.reelforge.brand;

import dev.reelforge.core.brand.BrandAnalysis;
import dev.reelforge.core.brand.BrandAnalyzer;
import dev.reelforge.core.brand.Director;
import dev.reelforge.core.brand.DirectorBrief;
import dev.reelforge.core.brand.SceneScript;
import dev.reelforge.core.brand.StyleReference;
import dev.reelforge.core.brand.StyleReferencer;
import dev.reelforge.core.brand.YellowContext;
import dev.reelforge.core.brand.memory.InMemoryBrandStore;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.imagegen.GeneratedImage;
import dev.reelforge.core.imagegen.ImageGenerator;
import dev.reelforge.core.imagegen.ImageRequest;
import dev.reelforge.core.jobs.engine.JobService;
import dev.reelforge.core.jobs.engine.PipelineRegistry;
import dev.reelforge.core.jobs.engine.QueueLimits;
import dev.reelforge.core.jobs.engine.RunEndFollower;
import dev.reelforge.core.jobs.engine.WorkerPool;
import dev.reelforge.core.jobs.engine.WorkerPoolOptions;
import dev.reelforge.core.jobs.memory.InMemoryJobStore;
import dev.reelforge.core.licence.MediaLicence;
import dev.reelforge.core.licence.memory.InMemoryEvidenceStore;
import dev.reelforge.core.moderation.ModerationCategory;
import dev.reelforge.core.moderation.ModerationChoice;
import dev.reelforge.core.moderation.ModerationFlag;
import dev.reelforge.core.moderation.ModerationResult;
import dev.reelforge.core.moderation.Moderator;
import dev.reelforge.core.moderation.RegionToggles;
import dev.reelforge.core.moderation.Severity;
import dev.reelforge.core.music.Music;
import dev.reelforge.core.music.MusicSource;
import dev.reelforge.core.render.RenderEstimate;
import dev.reelforge.core.render.RenderJob;
import dev.reelforge.core.render.RenderPreset;
import dev.reelforge.core.render.RenderResult;
import dev.reelforge.core.render.RenderedOutput;
import dev.reelforge.core.render.Renderer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/**
 * The brand pipelines on an in-process job engine with the real in-memory stores and small
 * stand-ins for the providers (the providers have their own tests; the app's end-to-end test runs
 * the real ones): what the review mechanics are tested on, quickly and deterministically.
 */
final class BrandHarness implements AutoCloseable {

  static final UUID OWNER = new UUID(0, 7);

  final Clock clock = Clock.systemUTC();
  final InMemoryJobStore jobStore = new InMemoryJobStore(clock);
  final InMemoryBrandStore store = new InMemoryBrandStore(clock);
  final FolderFiles files;
  final FlakyImages images = new FlakyImages();
  final ScriptedDirector scripted = new ScriptedDirector();
  final FixedAnalyzer analyzer;
  final InstantVideos videos;
  final WordModerator moderator = new WordModerator();
  final InMemoryEvidenceStore evidence;
  final JobService jobs;
  final BrandDirector director;
  private final List<WorkerPool> pools = new ArrayList<>();
  private final List<RunEndFollower> followers = new ArrayList<>();

  BrandHarness(Path folder, double integrity) {
    this(folder, integrity, ModerationChoice.DEFAULT);
  }

  /** With the moderation gate's preset and regions {@code choice}. */
  BrandHarness(Path folder, double integrity, ModerationChoice choice) {
    this.evidence = new InMemoryEvidenceStore();
    this.files = new FolderFiles(folder.resolve("files"));
    this.videos = new InstantVideos(files, folder.resolve("clips"));
    this.analyzer = new FixedAnalyzer(integrity);
    BrandSettings settings =
        BrandSettings.DEFAULTS
            .withPreviewBackoff(Duration.ofMillis(10))
            .withPollEvery(Duration.ofMillis(50));
    BrandPipelines pipelines =
        new BrandPipelines(
            new BrandPipelines.Parts(
                store,
                files,
                analyzer,
                new CopyReferencer(),
                scripted,
                images,
                videos,
                new FileRenderer(),
                new SilentMusic()),
            new BrandModeration(
                moderator, Optional.empty(), choice, RegionToggles.builtIn(), evidence),
            settings,
            folder.resolve("work"),
            clock);
    PipelineRegistry registry = new PipelineRegistry();
    pipelines.all().forEach(p -> registry.register(p.definition(), p.handlers()));
    jobs = new JobService(jobStore.runStore(), registry, QueueLimits.DEFAULT, clock);
    director = new BrandDirector(store, jobs, files, videos, settings, clock);
    for (String kind : List.of(BrandPipelines.ANALYSIS_KIND, BrandPipelines.STORYBOARD_KIND)) {
      followers.add(
          new RunEndFollower(
                  jobStore.eventFeed(),
                  jobStore.runStore(),
                  kind,
                  director::runEnded,
                  Duration.ofMillis(20),
                  10)
              .start());
    }
    for (String queue : List.of(BrandPipelines.QUEUE, BrandPipelines.RENDER_QUEUE)) {
      WorkerPoolOptions options =
          WorkerPoolOptions.of("test-" + queue, Set.of(queue), 2)
              .withTimings(
                  Duration.ofMillis(20),
                  WorkerPoolOptions.DEFAULT_LEASE,
                  WorkerPoolOptions.DEFAULT_HEARTBEAT)
              .withShutdownGrace(Duration.ofSeconds(2));
      WorkerPool pool =
          new WorkerPool(
              options, jobStore.taskQueue(), registry, Optional.of(jobStore.workSignal()), clock);
      pool.start();
      pools.add(pool);
    }
  }

  /** Uploads a drawn 64×64 PNG whose colour makes its hash. */
  BrandDirector.Uploaded upload(Path folder, int colour) throws IOException {
    Path png = folder.resolve("upload-" + colour + ".png");
    BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 64; y++) {
      for (int x = 0; x < 64; x++) {
        image.setRGB(x, y, colour);
      }
    }
    ImageIO.write(image, "png", png.toFile());
    return director.upload(
        OWNER,
        new BrandDirector.Upload(
            "logo.png", "x.png", "image/png", Files.size(png), "hash-" + colour, "png", png, png));
  }

  @Override
  public void close() {
    followers.forEach(RunEndFollower::close);
    pools.forEach(WorkerPool::close);
  }

  /** Files in a folder, by key. */
  static final class FolderFiles implements BrandFiles {
    private final Path root;

    FolderFiles(Path root) {
      this.root = root;
    }

    @Override
    public void put(String key, Path file) {
      try {
        Path target = root.resolve(key);
        Files.createDirectories(target.getParent());
        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public Path get(String key, Path target) {
      Path source = root.resolve(key);
      if (!Files.exists(source)) {
        throw ReelForgeException.notFound("Brand file", key);
      }
      try {
        Files.createDirectories(target.getParent());
        return Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public Optional<String> publicUrl(String key) {
      return Optional.empty();
    }

    boolean has(String key) {
      return Files.exists(root.resolve(key));
    }
  }

  /** An analysis with the integrity asked for and high physics (routes to Kling). */
  static final class FixedAnalyzer implements BrandAnalyzer {
    private final double integrity;
    final AtomicInteger outages = new AtomicInteger();

    FixedAnalyzer(double integrity) {
      this.integrity = integrity;
    }

    @Override
    public String name() {
      return "fixed";
    }

    @Override
    public BrandAnalysis analyze(Path image) {
      if (outages.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        throw new ReelForgeException(
            ErrorCode.EXTERNAL_API_ERROR, "vision vendor down", false, List.of(), null);
      }
      BrandAnalysis base = BrandCutTest.analysis(0.7, null);
      return new BrandAnalysis(
          base.palette(),
          base.look(),
          base.texture(),
          base.text(),
          base.quality(),
          new dev.reelforge.core.brand.Scores(0.85, 0.3, 0.2, integrity),
          base.brandEssencePrompt(),
          base.invariantElements(),
          integrity < 0.4
              ? Optional.of("integrity " + integrity + " below 0.4: too blurred")
              : Optional.empty(),
          "fixed");
    }
  }

  static final class CopyReferencer implements StyleReferencer {
    @Override
    public String name() {
      return "copy";
    }

    @Override
    public StyleReference reference(Path original, BrandAnalysis a, long seed, Path directory) {
      try {
        Path out = Files.copy(original, directory.resolve("style.png"));
        return new StyleReference(out, StyleReference.LOCAL_DERIVATIVE, 0.35, seed);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Writes numbered scenes; a revision adds the feedback to the lighting and says so. */
  static final class ScriptedDirector implements Director {
    final AtomicInteger revisions = new AtomicInteger();
    volatile YellowContext lastContext;
    volatile boolean refuseRevisions;

    @Override
    public String name() {
      return "scripted";
    }

    @Override
    public List<SceneScript> storyboard(DirectorBrief brief) {
      List<SceneScript> scenes = new ArrayList<>();
      for (int i = 0; i < brief.sceneCount(); i++) {
        scenes.add(
            new SceneScript(
                "shot " + (i + 1) + " in " + String.join(" ", brief.palette()),
                "push-in",
                "soft key",
                "crimson circle",
                "Caption " + (i + 1)));
      }
      return scenes;
    }

    @Override
    public Revision revise(YellowContext context) {
      if (refuseRevisions) {
        throw new ReelForgeException(ErrorCode.CONTENT_REFUSED, "the model refused the edit");
      }
      lastContext = context;
      revisions.incrementAndGet();
      SceneScript now = context.currentScene();
      return new Revision(
          new SceneScript(
              now.cinematographyPrompt() + "; " + context.userFeedback(),
              now.cameraMovement(),
              now.lightingNotes() + ", " + context.userFeedback(),
              now.invariantToken(),
              now.caption()),
          "Changed: " + context.userFeedback());
    }

    @Override
    public SceneScript reroll(DirectorBrief brief, int index, SceneScript previous, int attempt) {
      return new SceneScript(
          "take " + attempt + " of shot " + (index + 1),
          "crane up",
          "hard key",
          previous.invariantToken(),
          previous.caption());
    }
  }

  /**
   * Flags each text that contains one of the words it was told, with that word's category and
   * severity (the real rule-based moderator has its own tests).
   */
  static final class WordModerator implements Moderator {
    final Map<String, ModerationFlag> words = new ConcurrentHashMap<>();

    void flag(String word, ModerationCategory category, Severity severity) {
      words.put(word, new ModerationFlag(category, severity, 0, 0, "says '" + word + "'"));
    }

    @Override
    public String name() {
      return "words";
    }

    @Override
    public ModerationResult moderate(String text) {
      return new ModerationResult(
          words.entrySet().stream()
              .filter(e -> text.toLowerCase(java.util.Locale.ROOT).contains(e.getKey()))
              .map(Map.Entry::getValue)
              .toList(),
          name());
    }
  }

  /** Fails its first {@code failures} calls, then draws a small PNG. */
  static final class FlakyImages implements ImageGenerator {
    final AtomicInteger calls = new AtomicInteger();
    volatile int failures;

    @Override
    public String name() {
      return "flaky";
    }

    @Override
    public GeneratedImage generate(ImageRequest request, Path directory) {
      if (calls.incrementAndGet() <= failures) {
        throw new ReelForgeException(ErrorCode.EXTERNAL_API_ERROR, "flux is down");
      }
      try {
        Path out = directory.resolve("preview-" + calls.get() + ".png");
        ImageIO.write(new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB), "png", out.toFile());
        return new GeneratedImage(
            out, 32, 32, "flaky", request.prompt(), MediaLicence.generated("flaky"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Scene jobs that finish at once with a small file, except for the prompts told to fail. */
  static final class InstantVideos implements SceneVideos {
    final Map<UUID, Order> orders = new ConcurrentHashMap<>();
    final Map<String, UUID> byKey = new ConcurrentHashMap<>();
    final Set<String> failing = ConcurrentHashMap.newKeySet();
    final Set<UUID> cancelled = ConcurrentHashMap.newKeySet();
    volatile long balance = 1_000;
    private final FolderFiles files;
    private final Path clips;

    InstantVideos(FolderFiles files, Path clips) {
      this.files = files;
      this.clips = clips;
    }

    @Override
    public UUID submit(UUID owner, Order order, String idempotencyKey) {
      return byKey.computeIfAbsent(
          idempotencyKey,
          k -> {
            UUID id = UUID.randomUUID();
            orders.put(id, order);
            return id;
          });
    }

    @Override
    public void checkAffordable(UUID owner, int scenes, int seconds) {
      if (scenes * seconds * 2L > balance) {
        throw new ReelForgeException(ErrorCode.INSUFFICIENT_CREDITS, "short");
      }
    }

    @Override
    public void cancel(UUID owner, UUID jobId) {
      cancelled.add(jobId);
    }

    @Override
    public State state(UUID owner, UUID jobId) {
      Order order = orders.get(jobId);
      if (failing.stream().anyMatch(order.prompt()::contains)) {
        return new Failed("PRODUCTION_TIMEOUT", "took too long", "RETRY");
      }
      try {
        Files.createDirectories(clips);
        Path clip = Files.writeString(clips.resolve(jobId + ".mp4"), "clip");
        String key = "media/" + jobId + ".mp4";
        files.put(key, clip);
        return new Done(key, order.durationS(), "local", order.durationS() * 2L);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Writes one small file per preset, as a renderer's outputs. */
  static final class FileRenderer implements Renderer {
    volatile RenderJob last;

    @Override
    public RenderResult render(
        RenderJob job,
        dev.reelforge.core.render.RenderListener listener,
        dev.reelforge.core.render.Cancellation cancellation) {
      last = job;
      List<RenderedOutput> outputs = new ArrayList<>();
      try {
        Files.createDirectories(job.outputDir());
        for (RenderPreset preset : job.presets()) {
          Path video = Files.writeString(job.outputDir().resolve(preset.id() + ".mp4"), "v");
          Path thumb = Files.writeString(job.outputDir().resolve(preset.id() + ".jpg"), "t");
          outputs.add(
              new RenderedOutput(
                  preset, video, thumb, thumb, thumb, job.timeline().durationMillis(), 1));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new RenderResult(outputs, job.timeline().segments().size(), 0, false);
    }

    @Override
    public List<Path> thumbnails(
        RenderJob job, dev.reelforge.core.render.Cancellation cancellation) {
      return List.of();
    }

    @Override
    public RenderEstimate estimate(
        dev.reelforge.core.timeline.Timeline timeline,
        List<RenderPreset> presets,
        dev.reelforge.core.render.QualityTier tier) {
      throw new UnsupportedOperationException("not asked by the brand feature");
    }
  }

  static final class SilentMusic implements MusicSource {
    @Override
    public String name() {
      return "silent";
    }

    @Override
    public Music compose(dev.reelforge.core.music.MusicRequest request, Path output) {
      try {
        Files.writeString(output, "wav");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new Music(
          output,
          request.durationMillis(),
          request.mood(),
          90,
          new MediaLicence("silent", "t", "t", ""));
    }
  }
}
