package dev.reelforge.story;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.ingest.Article;
import dev.reelforge.core.ingest.ArticleSource;
import dev.reelforge.core.jobs.api.StageContext;
import dev.reelforge.core.jobs.api.StageResult;
import dev.reelforge.core.music.Mood;
import dev.reelforge.core.music.Music;
import dev.reelforge.core.music.MusicRequest;
import dev.reelforge.core.music.MusicSource;
import dev.reelforge.core.providers.ProviderPort;
import dev.reelforge.core.providers.ProviderRegistry;
import dev.reelforge.core.render.Cancellation;
import dev.reelforge.core.render.QualityTier;
import dev.reelforge.core.render.RenderJob;
import dev.reelforge.core.render.RenderPreset;
import dev.reelforge.core.render.RenderResult;
import dev.reelforge.core.render.RenderedOutput;
import dev.reelforge.core.render.Renderer;
import dev.reelforge.core.script.Beat;
import dev.reelforge.core.script.ManualScripts;
import dev.reelforge.core.script.Script;
import dev.reelforge.core.script.ScriptWriter;
import dev.reelforge.core.speech.SpeechSynthesizer;
import dev.reelforge.core.story.BeatSpans;
import dev.reelforge.core.timeline.Timeline;
import dev.reelforge.core.visuals.VisualAsset;
import dev.reelforge.core.visuals.VisualCandidate;
import dev.reelforge.core.visuals.VisualSource;
import dev.reelforge.story.StoryOutputs.CaptionsOutput;
import dev.reelforge.story.StoryOutputs.IngestOutput;
import dev.reelforge.story.StoryOutputs.ManifestOutput;
import dev.reelforge.story.StoryOutputs.MusicOutput;
import dev.reelforge.story.StoryOutputs.OutputFile;
import dev.reelforge.story.StoryOutputs.Pick;
import dev.reelforge.story.StoryOutputs.PlannedShot;
import dev.reelforge.story.StoryOutputs.RenderOutput;
import dev.reelforge.story.StoryOutputs.Storyboard;
import dev.reelforge.story.StoryOutputs.ThumbnailOutput;
import dev.reelforge.story.StoryOutputs.Tune;
import dev.reelforge.story.StoryOutputs.Visuals;
import dev.reelforge.story.StoryOutputs.VoiceOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The stage functions of the story pipeline: each reads the run's inputs and the outputs of the
 * stages it depends on, does its work in the story's folder and answers its typed output (see
 * {@link StoryOutputs}). {@link StoryPipeline} says in which order they run; the job engine runs
 * them, on a server or inside the {@code make} command alike.
 *
 * <p>Inside the long stages the work is cached by content in the story's work folder: fetched
 * visuals by their source and id, narration by each beat's text, music by everything that decides
 * it, video segments by everything that decides their bytes. A new run after editing one beat
 * therefore re-synthesises that beat, fetches its visual if it changed, and re-encodes the segments
 * it touches.
 */
final class StoryStages {

  private final ProviderRegistry providers;
  private final ArticleSource articles;
  private final Renderer renderer;
  private final StoryFolders folders;
  private final RenderSpeed speed;
  private final StageMeter meter;
  private final Clock clock;
  private final ModerationStage moderation;

  StoryStages(
      ProviderRegistry providers,
      ArticleSource articles,
      Renderer renderer,
      StoryFolders folders,
      RenderSpeed speed,
      StageMeter meter,
      StoryModeration moderation,
      Clock clock) {
    this.moderation = new ModerationStage(providers, moderation, clock);
    this.providers = providers;
    this.articles = articles;
    this.renderer = renderer;
    this.folders = folders;
    this.speed = speed;
    this.meter = meter;
    this.clock = clock;
  }

  StageResult ingest(StageContext ctx) {
    StoryRunInputs in = inputs(ctx);
    if (in.sentences() != null || !in.input().link()) {
      return done(new IngestOutput(null));
    }
    ctx.progress(0.1, "reading " + in.input().text());
    return done(new IngestOutput(articles.read(in.input().text())));
  }

  StageResult script(StageContext ctx) {
    StoryRunInputs in = inputs(ctx);
    ScriptWriter writer = providers.require(ProviderPort.SCRIPT_WRITER, ScriptWriter.class);
    if (in.sentences() != null) {
      Script manual = ManualScripts.of(String.join("\n", in.sentences()), writer.name());
      return done(
          in.title() == null || in.title().isBlank()
              ? manual
              : new Script(
                  in.title(),
                  manual.beats(),
                  manual.description(),
                  manual.hashtags(),
                  manual.origin(),
                  manual.writer(),
                  manual.notice()));
    }
    Optional<Article> article = output(ctx, StoryPipeline.INGEST, IngestOutput.class).found();
    String text = article.map(StoryPipeline::writableText).orElse(in.input().text());
    return done(StoryScripts.write(writer, text, in.input().kind()));
  }

  StageResult storyboard(StageContext ctx) {
    StoryRunInputs in = inputs(ctx);
    Script script = output(ctx, StoryPipeline.SCRIPT, Script.class);
    List<PlannedShot> shots = new ArrayList<>();
    for (int b = 0; b < script.beats().size(); b++) {
      Beat beat = script.beats().get(b);
      List<String> keywords = beat.keywords().isEmpty() ? List.of(script.title()) : beat.keywords();
      shots.add(
          new PlannedShot(
              keywords, BeatVisuals.beatMillis(beat.text()), in.chosenFor(b), beat.text()));
    }
    RenderPreset first = StoryPipeline.presets(in.input().formats()).getFirst();
    return done(new Storyboard(shots, BeatVisuals.orientation(first)));
  }

  StageResult visuals(StageContext ctx) {
    Storyboard board = output(ctx, StoryPipeline.STORYBOARD, Storyboard.class);
    Path work = workDir(inputs(ctx));
    VisualSource source = providers.require(ProviderPort.VISUALS, VisualSource.class);
    List<Pick> picks = new ArrayList<>();
    Set<String> used = new LinkedHashSet<>();
    for (int b = 0; b < board.shots().size(); b++) {
      ctx.checkCancelled();
      PlannedShot shot = board.shots().get(b);
      VisualCandidate chosen =
          shot.chosen() != null
              ? shot.chosen()
              : BeatVisuals.choose(
                  source,
                  shot.keywords(),
                  shot.text(),
                  board.orientation(),
                  shot.millis(),
                  b,
                  used);
      used.add(BeatVisuals.key(chosen));
      picks.add(new Pick(b, fetch(source, chosen, work), chosen));
      ctx.progress(
          (b + 1.0) / board.shots().size(), "visual " + (b + 1) + " of " + board.shots().size());
    }
    return done(new Visuals(picks));
  }

  /** Fetches a candidate once per work folder: its folder is named after its source and id. */
  static String fetch(VisualSource source, VisualCandidate candidate, Path work) {
    Path dir = work.resolve("visuals").resolve(WorkFiles.key(BeatVisuals.key(candidate), 10));
    Checkpoints cache = new Checkpoints(dir);
    Optional<String> cached =
        cache.read("fetched", String.class).filter(file -> Files.isRegularFile(work.resolve(file)));
    if (cached.isPresent()) {
      return cached.get();
    }
    VisualAsset asset = source.fetch(candidate, dir.resolve("fetch"));
    String file = work.relativize(asset.file().toAbsolutePath()).toString();
    cache.write("fetched", file);
    return file;
  }

  StageResult voice(StageContext ctx) {
    StoryRunInputs in = inputs(ctx);
    Script script = output(ctx, StoryPipeline.SCRIPT, Script.class);
    Path work = workDir(in);
    SpeechSynthesizer speech = providers.require(ProviderPort.SPEECH, SpeechSynthesizer.class);
    ctx.progress(0.05, "narrating " + script.beats().size() + " beats");
    BeatNarration.Spoken spoken =
        BeatNarration.speak(
            speech,
            script.beats().stream().map(Beat::text).toList(),
            in.input().voice(),
            work.resolve("voice-cache"),
            work.resolve(StoryPipeline.VOICE_FILE),
            ctx::isCancelled);
    return done(
        new VoiceOutput(
            new StoryOutputs.Voice(
                spoken.words(), spoken.durationMillis(), spoken.spokenText(), spoken.engine()),
            spoken.wordsPerBeat(),
            spoken.synthesised()));
  }

  /**
   * Music as long as the video: the narration and its tail. It waits for the narration so that the
   * length is exact rather than estimated, and is cached by everything that decides it.
   */
  StageResult music(StageContext ctx) {
    StoryRunInputs in = inputs(ctx);
    if (in.input().music().equalsIgnoreCase("none")) {
      return done(new MusicOutput(null));
    }
    Script script = output(ctx, StoryPipeline.SCRIPT, Script.class);
    VoiceOutput voice = output(ctx, StoryPipeline.VOICE, VoiceOutput.class);
    long millis = StoryPipeline.musicMillis(voice.voice());
    Mood mood =
        in.input().music().equalsIgnoreCase("auto")
            ? Mood.suggestedBy(script.narration())
            : Mood.valueOf(in.input().music().toUpperCase(Locale.ROOT));
    MusicSource music = providers.require(ProviderPort.MUSIC, MusicSource.class);
    // Seeded by what is said, not by the file name: the same story gets the same music anywhere.
    long seed = script.narration().hashCode();
    Path work = workDir(in);
    Checkpoints cache = new Checkpoints(work.resolve("music-cache"));
    String key = WorkFiles.key(music.name() + "|" + mood + "|" + millis + "|" + seed, 10);
    Path cachedWav = cache.file(key + ".wav");
    Optional<Tune> cached = cache.read(key, Tune.class).filter(t -> Files.isRegularFile(cachedWav));
    Tune tune;
    if (cached.isPresent()) {
      tune = cached.get();
    } else {
      ctx.progress(0.1, "composing " + millis / 1000 + " s of " + mood.name().toLowerCase());
      Music made = music.compose(new MusicRequest(mood, millis, seed), cachedWav);
      tune = new Tune(music.name(), made.mood(), made.bpm(), millis, made.licence());
      cache.write(key, tune);
    }
    copy(cachedWav, work.resolve(StoryPipeline.MUSIC_FILE));
    return done(new MusicOutput(tune));
  }

  /** The moderation gate ({@link ModerationStage}). */
  StageResult moderation(StageContext ctx) {
    StoryRunInputs in = inputs(ctx);
    Storyboard board = output(ctx, StoryPipeline.STORYBOARD, Storyboard.class);
    return moderation.run(
        ctx,
        in,
        workDir(in),
        output(ctx, StoryPipeline.SCRIPT, Script.class),
        output(ctx, StoryPipeline.VISUALS, Visuals.class),
        output(ctx, StoryPipeline.VOICE, VoiceOutput.class),
        output(ctx, StoryPipeline.MUSIC, MusicOutput.class).found(),
        board.orientation());
  }

  /** The visuals stage's picks with the moderation gate's regenerated pictures in place. */
  private static Visuals shownVisuals(StageContext ctx) {
    return output(ctx, StoryPipeline.VISUALS, Visuals.class)
        .replacedBy(
            output(ctx, StoryPipeline.MODERATION, StoryOutputs.ModerationOutput.class)
                .replacements());
  }

  StageResult captions(StageContext ctx) {
    StoryRunInputs in = inputs(ctx);
    Script script = output(ctx, StoryPipeline.SCRIPT, Script.class);
    VoiceOutput voice = output(ctx, StoryPipeline.VOICE, VoiceOutput.class);
    Visuals visuals = shownVisuals(ctx);
    Optional<Tune> tune = output(ctx, StoryPipeline.MUSIC, MusicOutput.class).found();
    Timeline timeline = StoryPipeline.timeline(script, voice, visuals, tune, in.input());
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
    WorkFiles.writeText(
        workDir(in).resolve(StoryPipeline.TIMELINE_FILE), TimelineJson.write(timeline));
    List<long[]> spans =
        BeatSpans.of(voice.wordsPerBeat(), voice.voice().words(), voice.voice().durationMillis());
    return done(new CaptionsOutput(spans, timeline.durationMillis(), voice.voice().words().size()));
  }

  StageResult render(StageContext ctx, StoryPipeline.Shape shape) {
    StoryRunInputs in = inputs(ctx);
    List<RenderPreset> presets =
        StoryPipeline.presets(in.input().formats()).stream()
            .filter(p -> StoryPipeline.Shape.of(p) == shape)
            .toList();
    if (presets.isEmpty()) {
      return done(new RenderOutput(true, List.of(), 0, 0));
    }
    Path folder = folder(in);
    Cancellation cancellation = new Cancellation();
    long started = System.nanoTime();
    RenderResult result =
        renderer.render(
            renderJob(in, presets).withoutThumbnails(),
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

  StageResult thumbnail(StageContext ctx) {
    StoryRunInputs in = inputs(ctx);
    Path folder = folder(in);
    List<RenderPreset> presets = new ArrayList<>();
    for (StoryPipeline.Shape shape : StoryPipeline.Shape.values()) {
      output(ctx, shape.stage(), RenderOutput.class)
          .outputs()
          .forEach(file -> presets.add(RenderPreset.byId(file.format())));
    }
    ctx.checkCancelled();
    ctx.progress(0.1, "choosing the thumbnail frame");
    // A few frames and pictures: quick enough to finish once started.
    List<String> files =
        renderer.thumbnails(renderJob(in, presets), Cancellation.none()).stream()
            .map(f -> relative(folder, f))
            .toList();
    return done(new ThumbnailOutput(files));
  }

  StageResult manifest(StageContext ctx) {
    StoryRunInputs in = inputs(ctx);
    Script script = output(ctx, StoryPipeline.SCRIPT, Script.class);
    VoiceOutput voice = output(ctx, StoryPipeline.VOICE, VoiceOutput.class);
    Visuals visuals = shownVisuals(ctx);
    Optional<Tune> tune = output(ctx, StoryPipeline.MUSIC, MusicOutput.class).found();
    Optional<Article> article = output(ctx, StoryPipeline.INGEST, IngestOutput.class).found();
    Path folder = folder(in);
    List<OutputFile> files = new ArrayList<>();
    List<RenderedOutput> rendered = new ArrayList<>();
    int segmentsRendered = 0;
    int segmentsReused = 0;
    for (StoryPipeline.Shape shape : StoryPipeline.Shape.values()) {
      RenderOutput render = output(ctx, shape.stage(), RenderOutput.class);
      segmentsRendered += render.segmentsRendered();
      segmentsReused += render.segmentsReused();
      for (OutputFile file : render.outputs()) {
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
    StoryOutputs.Fingerprint fingerprint =
        new StoryOutputs.Fingerprint(
            in.input(),
            script.writer(),
            voice.voice().engine(),
            providers.active(ProviderPort.VISUALS).map(c -> c.name()).orElse("none"),
            tune.map(Tune::source).orElse("none"));
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
            timeline(in),
            rendered,
            meter.stageMillis(ctx.runId()),
            StageMeter.spent(meter.costsDir(workDir(in), ctx.runId())),
            fingerprint);
    Checkpoints.writeJson(folder.resolve(StoryPipeline.MANIFEST_FILE), manifest);
    WorkFiles.writeText(
        folder.resolve(StoryPipeline.SCRIPT_FILE),
        String.join("\n", script.beats().stream().map(Beat::text).toList()) + "\n");
    return done(
        new ManifestOutput(
            in.folder(),
            files,
            StoryPipeline.MANIFEST_FILE,
            script.title(),
            script.beats().stream().map(Beat::text).toList(),
            segmentsRendered,
            segmentsReused,
            StoryOutputs.ScriptFacts.of(script)));
  }

  private RenderJob renderJob(StoryRunInputs in, List<RenderPreset> presets) {
    return new RenderJob(
        timeline(in),
        workDir(in),
        presets,
        QualityTier.byName(in.input().quality()),
        folder(in),
        in.name());
  }

  private Timeline timeline(StoryRunInputs in) {
    return TimelineJson.read(WorkFiles.readText(workDir(in).resolve(StoryPipeline.TIMELINE_FILE)));
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

  private static void copy(Path from, Path to) {
    try {
      Path temp = Files.createTempFile(to.getParent(), ".copy-", ".wav");
      Files.copy(from, temp, StandardCopyOption.REPLACE_EXISTING);
      WorkFiles.move(temp, to);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path folder(StoryRunInputs in) {
    return folders.folder(in.sessionId());
  }

  Path workDir(StoryRunInputs in) {
    return folder(in).resolve(StoryPipeline.WORK_DIR);
  }

  static StoryRunInputs inputs(StageContext ctx) {
    return StoryJson.read(ctx.inputs(), StoryRunInputs.class);
  }

  private static <T> T output(StageContext ctx, String stage, Class<T> type) {
    Map<String, String> outputs = ctx.dependencyOutputs();
    String json = outputs.get(stage);
    if (json == null) {
      throw new IllegalStateException("stage " + ctx.stage() + " does not depend on " + stage);
    }
    return StoryJson.read(json, type);
  }

  private static StageResult done(Object output) {
    return StageResult.completed(StoryJson.write(output));
  }
}
