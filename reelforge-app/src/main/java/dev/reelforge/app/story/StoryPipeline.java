package dev.reelforge.app.story;

import dev.reelforge.app.storage.SessionFolders;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.ingest.Article;
import dev.reelforge.core.ingest.ArticleSource;
import dev.reelforge.core.jobs.api.PipelineDefinition;
import dev.reelforge.core.jobs.api.RegisteredPipeline;
import dev.reelforge.core.jobs.api.RetryPolicy;
import dev.reelforge.core.jobs.api.StageContext;
import dev.reelforge.core.jobs.api.StageDefinition;
import dev.reelforge.core.jobs.api.StageHandler;
import dev.reelforge.core.jobs.api.StageResult;
import dev.reelforge.core.jobs.spi.RunStore;
import dev.reelforge.core.music.Mood;
import dev.reelforge.core.music.Music;
import dev.reelforge.core.music.MusicRequest;
import dev.reelforge.core.music.MusicSource;
import dev.reelforge.core.providers.ProviderPort;
import dev.reelforge.core.providers.ProviderRegistry;
import dev.reelforge.core.script.Beat;
import dev.reelforge.core.script.ManualScripts;
import dev.reelforge.core.script.Script;
import dev.reelforge.core.script.ScriptRequest;
import dev.reelforge.core.script.ScriptWriter;
import dev.reelforge.core.speech.SpeechSynthesizer;
import dev.reelforge.core.story.BeatSpans;
import dev.reelforge.core.timeline.Timeline;
import dev.reelforge.core.visuals.Orientation;
import dev.reelforge.core.visuals.VisualAsset;
import dev.reelforge.core.visuals.VisualCandidate;
import dev.reelforge.core.visuals.VisualSource;
import dev.reelforge.media.render.Cancellation;
import dev.reelforge.media.render.QualityTier;
import dev.reelforge.media.render.RenderEngine;
import dev.reelforge.media.render.RenderJob;
import dev.reelforge.media.render.RenderPreset;
import dev.reelforge.media.render.RenderResult;
import dev.reelforge.media.render.RenderedOutput;
import dev.reelforge.media.timeline.TimelineJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The story pipeline on the job engine (kind {@code story}): {@code ingest} → {@code script} →
 * {@code storyboard} → ({@code visuals} ‖ {@code voice} ‖ {@code music}) → {@code captions} → one
 * render task per shape ({@code render-vertical}, {@code render-horizontal}, {@code render-square};
 * a shape nobody asked for completes at once) → {@code thumbnail} → {@code manifest}.
 *
 * <p>Every stage's provider calls are attributed to it and kept per attempt in the work folder; the
 * manifest adds them up with the time each stage took, as the engine recorded it.
 *
 * <p>Each task's output is kept by the engine, so a retried or resumed run never redoes a finished
 * stage. Inside the long stages the work is cached by content in the session's work folder: fetched
 * visuals by their source and id, narration by each beat's text, video segments by everything that
 * decides their bytes. A new run after editing one beat therefore re-synthesises that beat, fetches
 * its visual if it changed, and re-encodes the segments it touches.
 */
public final class StoryPipeline {

  public static final String KIND = "story";

  /** The render tasks, one per frame shape. */
  enum Shape {
    VERTICAL,
    HORIZONTAL,
    SQUARE;

    String stage() {
      return "render-" + name().toLowerCase(Locale.ROOT);
    }

    static Shape of(RenderPreset preset) {
      if (preset.width() == preset.height()) {
        return SQUARE;
      }
      return preset.vertical() ? VERTICAL : HORIZONTAL;
    }
  }

  /** A beat's planned shot. */
  record PlannedShot(List<String> keywords, long millis, VisualCandidate chosen) {}

  record Storyboard(List<PlannedShot> shots, Orientation orientation) {}

  /** The narration as the later stages need it. */
  record VoiceOutput(StoryMaker.Voice voice, List<Integer> wordsPerBeat, int synthesised) {}

  /** Where each beat sits in the video. */
  record CaptionsOutput(List<long[]> spans, long durationMillis, int words) {}

  /** One rendered format, file names relative to the output folder. */
  public record OutputFile(
      String format,
      int width,
      int height,
      String video,
      String thumbnail,
      String srt,
      String vtt,
      long durationMillis,
      long bytes) {}

  record RenderOutput(
      boolean skipped, List<OutputFile> outputs, int segmentsRendered, int segmentsReused) {}

  /** The run's artifact: every format's files and the manifest. */
  public record ManifestOutput(
      String folder,
      List<OutputFile> outputs,
      String manifest,
      String title,
      List<String> sentences) {}

  /** The thumbnails made, file names relative to the output folder. */
  record ThumbnailOutput(List<String> files) {}

  private final ProviderRegistry providers;
  private final ArticleSource articles;
  private final RenderEngine renderer;
  private final StageMeter meter;
  private final SessionFolders folders;
  private final RenderSpeed speed;
  private final Clock clock;

  public StoryPipeline(
      ProviderRegistry providers,
      ArticleSource articles,
      RenderEngine renderer,
      RunStore runs,
      StoryMaker.CostAttribution costs,
      SessionFolders folders,
      RenderSpeed speed,
      Clock clock) {
    this.providers = providers;
    this.folders = folders;
    this.speed = speed;
    this.articles = articles;
    this.renderer = renderer;
    this.meter = new StageMeter(runs, costs);
    this.clock = clock;
  }

  public RegisteredPipeline registered() {
    RetryPolicy network = RetryPolicy.DEFAULT;
    List<StageDefinition> stages = new ArrayList<>();
    stages.add(
        StageDefinition.of("ingest", "ingest").retry(network).timeout(Duration.ofMinutes(1)));
    stages.add(
        StageDefinition.of("script", "generation").after("ingest").timeout(Duration.ofMinutes(3)));
    stages.add(StageDefinition.of("storyboard", "analysis").after("script"));
    stages.add(StageDefinition.of("visuals", "generation").after("storyboard"));
    stages.add(StageDefinition.of("voice", "generation").after("script"));
    stages.add(StageDefinition.of("music", "generation").after("script"));
    stages.add(
        StageDefinition.of("captions", "analysis").after("script", "visuals", "voice", "music"));
    List<String> renders = new ArrayList<>();
    for (Shape shape : Shape.values()) {
      stages.add(
          StageDefinition.of(shape.stage(), "render")
              .after("captions")
              .timeout(Duration.ofMinutes(30)));
      renders.add(shape.stage());
    }
    stages.add(StageDefinition.of("thumbnail", "render").after(renders.toArray(String[]::new)));
    List<String> manifestAfter =
        new ArrayList<>(List.of("script", "visuals", "voice", "music", "captions", "ingest"));
    manifestAfter.addAll(renders);
    manifestAfter.add("thumbnail");
    stages.add(
        StageDefinition.of("manifest", "analysis").after(manifestAfter.toArray(String[]::new)));

    Map<String, StageHandler> handlers = new LinkedHashMap<>();
    handlers.put("ingest", this::ingest);
    handlers.put("script", this::script);
    handlers.put("storyboard", this::storyboard);
    handlers.put("visuals", this::visuals);
    handlers.put("voice", this::voice);
    handlers.put("music", this::music);
    handlers.put("captions", this::captions);
    for (Shape shape : Shape.values()) {
      handlers.put(shape.stage(), ctx -> render(ctx, shape));
    }
    handlers.put("thumbnail", this::thumbnail);
    handlers.put("manifest", this::manifest);
    Map<String, StageHandler> wrapped = new LinkedHashMap<>();
    handlers.forEach(
        (stage, handler) ->
            wrapped.put(
                stage, synced(meter.metered(handler, ctx -> costsDir(inputs(ctx), ctx.runId())))));
    return new RegisteredPipeline(PipelineDefinition.of(KIND, stages), wrapped);
  }

  /**
   * Runs a stage against an up-to-date copy of the session's folder and stores what it wrote once
   * it succeeded, so that the next stage may run on another worker. A store that cannot be reached
   * fails the stage with a retryable error; the engine's retry policy takes it from there.
   */
  private StageHandler synced(StageHandler handler) {
    return ctx -> {
      String session = inputs(ctx).sessionId();
      folders.pull(session);
      StageResult result = handler.execute(ctx);
      if (!(result instanceof StageResult.FailedPermanently)) {
        folders.push(session); // a checkpoint to resume from elsewhere is kept as well
      }
      return result;
    };
  }

  private Path costsDir(StoryRunInputs in, UUID runId) {
    return workDir(in).resolve("costs").resolve(runId.toString());
  }

  private StageResult ingest(StageContext ctx) {
    StoryRunInputs in = inputs(ctx);
    if (in.sentences() != null || !in.input().link()) {
      return done(Map.of());
    }
    ctx.progress(0.1, "reading " + in.input().text());
    return done(articles.read(in.input().text()));
  }

  private StageResult script(StageContext ctx) {
    StoryRunInputs in = inputs(ctx);
    ScriptWriter writer = providers.require(ProviderPort.SCRIPT_WRITER, ScriptWriter.class);
    Script script;
    if (in.sentences() != null) {
      Script manual = ManualScripts.of(String.join("\n", in.sentences()), writer.name());
      script =
          in.title() == null || in.title().isBlank()
              ? manual
              : new Script(
                  in.title(),
                  manual.beats(),
                  manual.description(),
                  manual.hashtags(),
                  manual.origin(),
                  manual.writer(),
                  manual.notice());
    } else {
      Optional<Article> article =
          in.input().link()
              ? Optional.of(read(ctx.dependencyOutputs().get("ingest"), Article.class))
              : Optional.empty();
      String text = article.map(StoryMaker::writableText).orElse(in.input().text());
      script = writer.write(ScriptRequest.of(text, in.input().kind()));
    }
    return done(script);
  }

  private StageResult storyboard(StageContext ctx) {
    StoryRunInputs in = inputs(ctx);
    Script script = read(ctx.dependencyOutputs().get("script"), Script.class);
    List<PlannedShot> shots = new ArrayList<>();
    for (int b = 0; b < script.beats().size(); b++) {
      Beat beat = script.beats().get(b);
      List<String> keywords = beat.keywords().isEmpty() ? List.of(script.title()) : beat.keywords();
      shots.add(new PlannedShot(keywords, BeatVisuals.beatMillis(beat.text()), in.chosenFor(b)));
    }
    RenderPreset first = StoryMaker.presets(in.input().formats()).getFirst();
    return done(new Storyboard(shots, BeatVisuals.orientation(first)));
  }

  private StageResult visuals(StageContext ctx) {
    Storyboard board = read(ctx.dependencyOutputs().get("storyboard"), Storyboard.class);
    Path work = workDir(inputs(ctx));
    VisualSource source = providers.require(ProviderPort.VISUALS, VisualSource.class);
    List<StoryMaker.Pick> picks = new ArrayList<>();
    Set<String> used = new LinkedHashSet<>();
    for (int b = 0; b < board.shots().size(); b++) {
      ctx.checkCancelled();
      PlannedShot shot = board.shots().get(b);
      VisualCandidate chosen =
          shot.chosen() != null
              ? shot.chosen()
              : BeatVisuals.choose(
                  source, shot.keywords(), board.orientation(), shot.millis(), b, used);
      used.add(BeatVisuals.key(chosen));
      picks.add(new StoryMaker.Pick(b, fetch(source, chosen, work), chosen));
      ctx.progress(
          (b + 1.0) / board.shots().size(), "visual " + (b + 1) + " of " + board.shots().size());
    }
    return done(new StoryMaker.Visuals(picks));
  }

  /** Fetches a candidate once per work folder: its folder is named after its source and id. */
  private static String fetch(VisualSource source, VisualCandidate candidate, Path work) {
    Path dir = work.resolve("visuals").resolve(WorkFiles.key(BeatVisuals.key(candidate), 10));
    Checkpoints cache = new Checkpoints(dir);
    Optional<String> cached =
        cache.read("fetched", String.class).filter(file -> Files.isRegularFile(work.resolve(file)));
    if (cached.isPresent()) {
      return cached.get();
    }
    Path temp = dir.resolve("fetch");
    VisualAsset asset = source.fetch(candidate, temp);
    String file = work.relativize(asset.file().toAbsolutePath()).toString();
    cache.write("fetched", file);
    return file;
  }

  private StageResult voice(StageContext ctx) {
    StoryRunInputs in = inputs(ctx);
    Script script = read(ctx.dependencyOutputs().get("script"), Script.class);
    Path work = workDir(in);
    SpeechSynthesizer speech = providers.require(ProviderPort.SPEECH, SpeechSynthesizer.class);
    ctx.progress(0.05, "narrating " + script.beats().size() + " beats");
    BeatNarration.Spoken spoken =
        BeatNarration.speak(
            speech,
            script.beats().stream().map(Beat::text).toList(),
            in.input().voice(),
            work.resolve("voice-cache"),
            work.resolve("voice.wav"),
            ctx::isCancelled);
    return done(
        new VoiceOutput(
            new StoryMaker.Voice(
                spoken.words(), spoken.durationMillis(), spoken.spokenText(), spoken.engine()),
            spoken.wordsPerBeat(),
            spoken.synthesised()));
  }

  private StageResult music(StageContext ctx) {
    StoryRunInputs in = inputs(ctx);
    if (in.input().music().equalsIgnoreCase("none")) {
      return done(Map.of());
    }
    Script script = read(ctx.dependencyOutputs().get("script"), Script.class);
    // Composed at the same time as the narration, so its length is estimated generously; the
    // mixer fades it out at the video's end.
    long estimate =
        script.beats().stream().mapToLong(b -> BeatVisuals.beatMillis(b.text())).sum()
            + BeatNarration.GAP_MILLIS * script.beats().size()
            + BeatSpans.TAIL_MILLIS;
    long millis = estimate * 5 / 4 + 2000;
    Mood mood =
        in.input().music().equalsIgnoreCase("auto")
            ? Mood.suggestedBy(script.narration())
            : Mood.valueOf(in.input().music().toUpperCase(Locale.ROOT));
    MusicSource music = providers.require(ProviderPort.MUSIC, MusicSource.class);
    Path work = workDir(in);
    Music made =
        music.compose(
            new MusicRequest(mood, millis, in.name().hashCode()), work.resolve("music.wav"));
    return done(new StoryMaker.Tune(music.name(), made.mood(), made.bpm(), millis, made.licence()));
  }

  private StageResult captions(StageContext ctx) {
    StoryRunInputs in = inputs(ctx);
    Map<String, String> deps = ctx.dependencyOutputs();
    Script script = read(deps.get("script"), Script.class);
    VoiceOutput voice = read(deps.get("voice"), VoiceOutput.class);
    StoryMaker.Visuals visuals = read(deps.get("visuals"), StoryMaker.Visuals.class);
    Optional<StoryMaker.Tune> tune = tune(deps.get("music"));
    Timeline timeline =
        StoryMaker.assemble(
            script, voice.voice(), voice.wordsPerBeat(), visuals, tune, in.input().captionStyle());
    if (in.maxMillis() > 0 && timeline.durationMillis() > in.maxMillis()) {
      return StageResult.failed(
          new ReelForgeException(
              ErrorCode.VALIDATION_FAILED,
              "the video would be "
                  + timeline.durationMillis() / 1000
                  + " s long; at most "
                  + in.maxMillis() / 1000
                  + " s are allowed: shorten the script"));
    }
    WorkFiles.writeText(workDir(in).resolve("timeline.json"), TimelineJson.write(timeline));
    List<long[]> spans =
        BeatSpans.of(voice.wordsPerBeat(), voice.voice().words(), voice.voice().durationMillis());
    return done(new CaptionsOutput(spans, timeline.durationMillis(), voice.voice().words().size()));
  }

  private StageResult render(StageContext ctx, Shape shape) {
    StoryRunInputs in = inputs(ctx);
    List<RenderPreset> presets =
        StoryMaker.presets(in.input().formats()).stream()
            .filter(p -> Shape.of(p) == shape)
            .toList();
    if (presets.isEmpty()) {
      return done(new RenderOutput(true, List.of(), 0, 0));
    }
    Path work = workDir(in);
    Path folder = folder(in);
    Timeline timeline = TimelineJson.read(WorkFiles.readText(work.resolve("timeline.json")));
    Cancellation cancellation = new Cancellation();
    long started = System.nanoTime();
    RenderResult result =
        renderer.render(
            new RenderJob(
                    timeline,
                    work,
                    presets,
                    QualityTier.byName(in.input().quality()),
                    folder,
                    in.name())
                .withoutThumbnails(),
            (fraction, step) -> {
              if (ctx.isCancelled()) {
                cancellation.cancel();
              }
              ctx.progress(fraction, step);
            },
            cancellation);
    Duration wall = Duration.ofNanos(System.nanoTime() - started);
    for (RenderedOutput output : result.outputs()) {
      // Presets of one shape render one after another: each is credited its share of the time.
      speed.rendered(
          output.preset().id(), output.durationMillis(), wall.dividedBy(result.outputs().size()));
    }
    List<OutputFile> files = result.outputs().stream().map(o -> file(folder, o)).toList();
    return done(new RenderOutput(false, files, result.segmentsRendered(), result.segmentsReused()));
  }

  private StageResult thumbnail(StageContext ctx) {
    StoryRunInputs in = inputs(ctx);
    Path work = workDir(in);
    Path folder = folder(in);
    List<RenderPreset> presets = new ArrayList<>();
    for (Shape shape : Shape.values()) {
      RenderOutput output = read(ctx.dependencyOutputs().get(shape.stage()), RenderOutput.class);
      output.outputs().forEach(file -> presets.add(RenderPreset.byId(file.format())));
    }
    Timeline timeline = TimelineJson.read(WorkFiles.readText(work.resolve("timeline.json")));
    RenderJob job =
        new RenderJob(
            timeline, work, presets, QualityTier.byName(in.input().quality()), folder, in.name());
    ctx.checkCancelled();
    ctx.progress(0.1, "choosing the thumbnail frame");
    // A few frames and pictures: quick enough to finish once started.
    List<String> files =
        renderer.thumbnails(job, Cancellation.none()).stream()
            .map(f -> relative(folder, f))
            .toList();
    return done(new ThumbnailOutput(files));
  }

  private StageResult manifest(StageContext ctx) {
    StoryRunInputs in = inputs(ctx);
    Map<String, String> deps = ctx.dependencyOutputs();
    Script script = read(deps.get("script"), Script.class);
    VoiceOutput voice = read(deps.get("voice"), VoiceOutput.class);
    StoryMaker.Visuals visuals = read(deps.get("visuals"), StoryMaker.Visuals.class);
    Optional<StoryMaker.Tune> tune = tune(deps.get("music"));
    Optional<Article> article =
        in.input().link() && in.sentences() == null
            ? Optional.of(read(deps.get("ingest"), Article.class))
            : Optional.empty();
    Path folder = folder(in);
    List<OutputFile> files = new ArrayList<>();
    List<RenderedOutput> rendered = new ArrayList<>();
    for (Shape shape : Shape.values()) {
      RenderOutput output = read(deps.get(shape.stage()), RenderOutput.class);
      for (OutputFile file : output.outputs()) {
        files.add(file);
        rendered.add(
            new RenderedOutput(
                RenderPreset.byId(file.format()),
                folder.resolve(file.video()),
                folder.resolve(file.thumbnail()),
                folder.resolve(file.srt()),
                folder.resolve(file.vtt()),
                file.durationMillis(),
                file.bytes()));
      }
    }
    Timeline timeline = TimelineJson.read(WorkFiles.readText(workDir(in).resolve("timeline.json")));
    StoryMaker.Fingerprint fingerprint =
        new StoryMaker.Fingerprint(
            in.input(),
            script.writer(),
            voice.voice().engine(),
            activeName(ProviderPort.VISUALS),
            tune.map(StoryMaker.Tune::source).orElse("none"));
    StoryManifest manifest =
        StoryManifest.of(
            in.name(),
            clock.instant(),
            in.input(),
            article,
            script,
            voice.voice(),
            visuals,
            tune,
            timeline,
            new RenderResult(rendered, 0, 0, false),
            meter.stageMillis(ctx.runId()),
            StageMeter.spent(costsDir(in, ctx.runId())),
            fingerprint);
    Checkpoints.writeJson(folder.resolve("manifest.json"), manifest);
    return done(
        new ManifestOutput(
            in.folder(),
            files,
            "manifest.json",
            script.title(),
            script.beats().stream().map(Beat::text).toList()));
  }

  private String activeName(ProviderPort port) {
    return providers.active(port).map(c -> c.name()).orElse("none");
  }

  private static Optional<StoryMaker.Tune> tune(String output) {
    if (output == null || output.isBlank() || output.strip().equals("{}")) {
      return Optional.empty();
    }
    return Optional.of(read(output, StoryMaker.Tune.class));
  }

  private static OutputFile file(Path folder, RenderedOutput output) {
    return new OutputFile(
        output.preset().id(),
        output.preset().width(),
        output.preset().height(),
        relative(folder, output.video()),
        relative(folder, output.thumbnail()),
        relative(folder, output.srt()),
        relative(folder, output.vtt()),
        output.durationMillis(),
        output.bytes());
  }

  private static String relative(Path folder, Path file) {
    return folder.toAbsolutePath().relativize(file.toAbsolutePath()).toString();
  }

  private Path folder(StoryRunInputs in) {
    return folders.folder(in.sessionId());
  }

  private Path workDir(StoryRunInputs in) {
    return folder(in).resolve(".work");
  }

  private static StoryRunInputs inputs(StageContext ctx) {
    return read(ctx.inputs(), StoryRunInputs.class);
  }

  static <T> T read(String json, Class<T> type) {
    return Checkpoints.JSON.readValue(json, type);
  }

  private static StageResult done(Object output) {
    return StageResult.completed(Checkpoints.JSON.writeValueAsString(output));
  }
}
