package dev.reelforge.app.story;

import dev.reelforge.core.cost.CostLedger;
import dev.reelforge.core.cost.CostRecorder;
import dev.reelforge.core.ingest.Article;
import dev.reelforge.core.ingest.ArticleSource;
import dev.reelforge.core.licence.MediaLicence;
import dev.reelforge.core.music.Mood;
import dev.reelforge.core.music.Music;
import dev.reelforge.core.music.MusicRequest;
import dev.reelforge.core.music.MusicSource;
import dev.reelforge.core.providers.ProviderPort;
import dev.reelforge.core.providers.ProviderRegistry;
import dev.reelforge.core.script.Beat;
import dev.reelforge.core.script.Script;
import dev.reelforge.core.script.ScriptRequest;
import dev.reelforge.core.script.ScriptWriter;
import dev.reelforge.core.script.StoryLimits;
import dev.reelforge.core.speech.SpeechRequest;
import dev.reelforge.core.speech.SpeechSynthesizer;
import dev.reelforge.core.speech.SynthesizedSpeech;
import dev.reelforge.core.speech.TextNormalizer;
import dev.reelforge.core.speech.WordTiming;
import dev.reelforge.core.story.BeatSpans;
import dev.reelforge.core.story.StoryTimeline;
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
import dev.reelforge.media.timeline.TimelineJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Makes one story end to end with the configured providers: script, then narration and visuals at
 * the same time, then music to the narration's length, then the timeline, the render (one output
 * per format) and the manifest. Every stage's result is checkpointed in {@code FOLDER/.work}; run
 * again with the same input, a stopped or failed run redoes only what was not finished (the render
 * engine also reuses every segment it already encoded). A different input starts afresh.
 */
public final class StoryMaker {

  private final ProviderRegistry providers;
  private final ArticleSource articles;
  private final RenderEngine renderer;
  private final CostAttribution costs;
  private final Clock clock;

  /** Routes the provider calls made by {@code work} on this thread into {@code ledger}. */
  @FunctionalInterface
  public interface CostAttribution {
    <T> T attributedTo(CostLedger ledger, Supplier<T> work);

    CostAttribution NONE =
        new CostAttribution() {
          @Override
          public <T> T attributedTo(CostLedger ledger, Supplier<T> work) {
            return work.get();
          }
        };

    /** The recorder's attribution when it can attribute calls to a run, else none. */
    static CostAttribution of(CostRecorder recorder) {
      return recorder instanceof CostAttribution attribution ? attribution : NONE;
    }
  }

  public StoryMaker(
      ProviderRegistry providers,
      ArticleSource articles,
      RenderEngine renderer,
      CostAttribution costs,
      Clock clock) {
    this.providers = providers;
    this.articles = articles;
    this.renderer = renderer;
    this.costs = costs;
    this.clock = clock;
  }

  /** The checkpointed narration (its audio is {@code voice.wav} next to it). */
  record Voice(List<WordTiming> words, long durationMillis, String spokenText, String engine) {}

  /** A beat's chosen visual: the file (relative to the work folder) and where it came from. */
  record Pick(int beat, String file, VisualCandidate candidate) {}

  record Visuals(List<Pick> picks) {}

  /** The checkpointed music (its audio is {@code music.wav}). */
  record Tune(String source, Mood mood, int bpm, long durationMillis, MediaLicence licence) {}

  /** What a run was started with; another input in the same folder starts afresh. */
  record Fingerprint(
      StoryInput input, String scriptWriter, String speech, String visuals, String music) {}

  /**
   * @param folder where the outputs, the manifest and the work folder go
   * @param name the output files' stem
   */
  public StoryResult make(
      StoryInput input,
      Path folder,
      String name,
      StoryProgress progress,
      Cancellation cancellation) {
    List<RenderPreset> presets = presets(input.formats());
    QualityTier quality = QualityTier.byName(input.quality());
    Checkpoints work = new Checkpoints(folder.resolve(".work"));
    Fingerprint fingerprint = fingerprint(input);
    if (!work.read("input", Fingerprint.class).map(fingerprint::equals).orElse(false)) {
      work.clear();
      work.write("input", fingerprint);
    }
    CostLedger ledger = new CostLedger();
    StageClock stages = new StageClock(progress, clock);

    Optional<Article> article =
        input.link()
            ? Optional.of(
                stages.run(
                    StoryStage.INGEST,
                    work.read("article", Article.class),
                    () -> articles.read(input.text()),
                    a -> work.write("article", a)))
            : Optional.empty();
    cancellation.throwIfCancelled();

    Script script =
        stages.run(
            StoryStage.SCRIPT,
            work.read("script", Script.class),
            () -> costs.attributedTo(ledger, () -> writeScript(input, article)),
            s -> work.write("script", s));
    cancellation.throwIfCancelled();

    Orientation orientation = BeatVisuals.orientation(presets.getFirst());
    CompletableFuture<Voice> voiceFuture =
        CompletableFuture.supplyAsync(
            () ->
                stages.run(
                    StoryStage.VOICE,
                    work.read("voice", Voice.class)
                        .filter(v -> Files.exists(work.file("voice.wav"))),
                    () -> costs.attributedTo(ledger, () -> speak(script, input, work)),
                    v -> work.write("voice", v)),
            Thread::startVirtualThread);
    CompletableFuture<Visuals> visualsFuture =
        CompletableFuture.supplyAsync(
            () ->
                stages.run(
                    StoryStage.VISUALS,
                    work.read("visuals", Visuals.class)
                        .filter(v -> v.picks().size() == script.beats().size())
                        .filter(
                            v ->
                                v.picks().stream()
                                    .allMatch(p -> Files.exists(work.file(p.file())))),
                    () ->
                        costs.attributedTo(
                            ledger, () -> pickVisuals(script, orientation, work, cancellation)),
                    v -> work.write("visuals", v)),
            Thread::startVirtualThread);
    Voice voice = join(voiceFuture);
    Visuals visuals = join(visualsFuture);
    cancellation.throwIfCancelled();

    long videoMillis = voice.durationMillis() + BeatSpans.TAIL_MILLIS;
    Optional<Tune> tune =
        input.music().equalsIgnoreCase("none")
            ? Optional.empty()
            : Optional.of(
                stages.run(
                    StoryStage.MUSIC,
                    work.read("music", Tune.class)
                        .filter(t -> t.durationMillis() == videoMillis)
                        .filter(t -> Files.exists(work.file("music.wav"))),
                    () ->
                        costs.attributedTo(
                            ledger, () -> compose(input, script, videoMillis, name, work)),
                    t -> work.write("music", t)));
    cancellation.throwIfCancelled();

    Timeline timeline =
        stages.run(
            StoryStage.TIMELINE,
            Optional.empty(),
            () -> assemble(script, voice, visuals, tune, input),
            t -> WorkFiles.writeText(work.file("timeline.json"), TimelineJson.write(t)));

    RenderResult rendered =
        stages.run(
            StoryStage.RENDER,
            Optional.empty(),
            () ->
                renderer.render(
                    new RenderJob(timeline, work.dir(), presets, quality, folder, name),
                    (fraction, step) -> progress.stageProgress(StoryStage.RENDER, fraction, step),
                    cancellation),
            r -> {});

    Path manifestFile = folder.resolve("manifest.json");
    stages.run(
        StoryStage.MANIFEST,
        Optional.empty(),
        () ->
            StoryManifest.of(
                name,
                clock.instant(),
                input,
                article,
                script,
                voice,
                visuals,
                tune,
                timeline,
                rendered,
                stages.timings(),
                ledger,
                fingerprint),
        m -> Checkpoints.writeJson(manifestFile, m));
    return new StoryResult(folder, script, rendered.outputs(), manifestFile, stages.resumed());
  }

  private Fingerprint fingerprint(StoryInput input) {
    return new Fingerprint(
        input,
        activeName(ProviderPort.SCRIPT_WRITER),
        activeName(ProviderPort.SPEECH),
        activeName(ProviderPort.VISUALS),
        activeName(ProviderPort.MUSIC));
  }

  private String activeName(ProviderPort port) {
    return providers.active(port).map(c -> c.name()).orElse("none");
  }

  private Script writeScript(StoryInput input, Optional<Article> article) {
    String text = article.map(StoryMaker::writableText).orElse(input.text());
    return providers
        .require(ProviderPort.SCRIPT_WRITER, ScriptWriter.class)
        .write(ScriptRequest.of(text, input.kind()));
  }

  /** An article's title and text, cut to what a script writer accepts. */
  public static String writableText(Article article) {
    String text =
        article.title().isBlank() || article.text().startsWith(article.title())
            ? article.text()
            : article.title() + ".\n\n" + article.text();
    if (text.length() <= StoryLimits.MAX_ARTICLE_CHARS) {
      return text;
    }
    int cut = text.lastIndexOf("\n\n", StoryLimits.MAX_ARTICLE_CHARS);
    return text.substring(0, cut > 0 ? cut : StoryLimits.MAX_ARTICLE_CHARS);
  }

  private Voice speak(Script script, StoryInput input, Checkpoints work) {
    SpeechSynthesizer speech = providers.require(ProviderPort.SPEECH, SpeechSynthesizer.class);
    SynthesizedSpeech spoken =
        speech.synthesize(
            new SpeechRequest(script.narration(), input.voice(), 1.0, 0), work.file("voice.wav"));
    return new Voice(spoken.words(), spoken.durationMillis(), spoken.spokenText(), spoken.engine());
  }

  private Visuals pickVisuals(
      Script script, Orientation orientation, Checkpoints work, Cancellation cancellation) {
    VisualSource source = providers.require(ProviderPort.VISUALS, VisualSource.class);
    List<Pick> picks = new ArrayList<>();
    Set<String> used = new LinkedHashSet<>();
    for (int b = 0; b < script.beats().size(); b++) {
      cancellation.throwIfCancelled();
      Beat beat = script.beats().get(b);
      List<String> keywords = beat.keywords().isEmpty() ? List.of(script.title()) : beat.keywords();
      VisualCandidate chosen =
          BeatVisuals.choose(
              source, keywords, orientation, BeatVisuals.beatMillis(beat.text()), b, used);
      used.add(BeatVisuals.key(chosen));
      VisualAsset asset = source.fetch(chosen, work.file("visuals/beat-" + (b + 1)));
      picks.add(new Pick(b, work.dir().relativize(asset.file()).toString(), chosen));
    }
    return new Visuals(picks);
  }

  private Tune compose(
      StoryInput input, Script script, long millis, String name, Checkpoints work) {
    Mood mood =
        input.music().equalsIgnoreCase("auto")
            ? Mood.suggestedBy(script.narration())
            : Mood.valueOf(input.music().toUpperCase(Locale.ROOT));
    MusicSource music = providers.require(ProviderPort.MUSIC, MusicSource.class);
    Music made =
        music.compose(new MusicRequest(mood, millis, name.hashCode()), work.file("music.wav"));
    return new Tune(music.name(), made.mood(), made.bpm(), millis, made.licence());
  }

  private static Timeline assemble(
      Script script, Voice voice, Visuals visuals, Optional<Tune> tune, StoryInput input) {
    List<Integer> wordsPerBeat = script.beats().stream().map(b -> spokenWords(b.text())).toList();
    return assemble(script, voice, wordsPerBeat, visuals, tune, input.captionStyle());
  }

  /** The timeline over {@code voice.wav}, the visuals' files and {@code music.wav}. */
  static Timeline assemble(
      Script script,
      Voice voice,
      List<Integer> wordsPerBeat,
      Visuals visuals,
      Optional<Tune> tune,
      String captionStyle) {
    List<StoryTimeline.BeatVisual> beatVisuals =
        visuals.picks().stream()
            .map(p -> new StoryTimeline.BeatVisual(p.file(), p.candidate().kind()))
            .toList();
    return StoryTimeline.assemble(
        script,
        voice.words(),
        voice.durationMillis(),
        wordsPerBeat,
        "voice.wav",
        beatVisuals,
        tune.map(t -> "music.wav"),
        captionStyle);
  }

  /** Words the engine will say for a beat: its normalised tokens that have letters or digits. */
  static int spokenWords(String text) {
    int count = 0;
    for (String token : TextNormalizer.normalize(text).split("\\s+")) {
      if (token.codePoints().anyMatch(Character::isLetterOrDigit)) {
        count++;
      }
    }
    return count;
  }

  static List<RenderPreset> presets(List<String> formats) {
    if (formats.isEmpty()) {
      return List.of(RenderPreset.TIKTOK);
    }
    return formats.stream().map(RenderPreset::byId).distinct().toList();
  }

  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw e;
    }
  }
}
