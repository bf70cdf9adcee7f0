package dev.reelforge.story;

import dev.reelforge.core.cost.CostAttribution;
import dev.reelforge.core.ingest.Article;
import dev.reelforge.core.ingest.ArticleSource;
import dev.reelforge.core.jobs.api.PipelineDefinition;
import dev.reelforge.core.jobs.api.RegisteredPipeline;
import dev.reelforge.core.jobs.api.RetryPolicy;
import dev.reelforge.core.jobs.api.StageDefinition;
import dev.reelforge.core.jobs.api.StageHandler;
import dev.reelforge.core.jobs.api.StageResult;
import dev.reelforge.core.jobs.spi.RunStore;
import dev.reelforge.core.providers.ProviderRegistry;
import dev.reelforge.core.render.RenderPreset;
import dev.reelforge.core.render.Renderer;
import dev.reelforge.core.script.Script;
import dev.reelforge.core.script.StoryLimits;
import dev.reelforge.core.story.BeatSpans;
import dev.reelforge.core.story.StoryTimeline;
import dev.reelforge.core.timeline.Timeline;
import dev.reelforge.story.StoryOutputs.Tune;
import dev.reelforge.story.StoryOutputs.Visuals;
import dev.reelforge.story.StoryOutputs.Voice;
import dev.reelforge.story.StoryOutputs.VoiceOutput;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The story pipeline, defined once (kind {@code story}): {@code ingest} → {@code script} → ({@code
 * storyboard} → {@code visuals}) ‖ ({@code voice} → {@code music}) → {@code moderation} (the gate:
 * held content waits for an operator's review) → {@code captions} → one render task per shape
 * ({@code render-vertical}, {@code render-horizontal}, {@code render-square}; a shape nobody asked
 * for completes at once) → {@code thumbnail} → {@code manifest}.
 *
 * <p>The job engine runs it everywhere: on the servers for the session API, and inside the {@code
 * make} command on an in-process engine ({@link StoryMaker}), so the same input makes the same
 * video both ways. The stage functions are in {@link StoryStages}; their outputs in {@link
 * StoryOutputs}.
 *
 * <p>Every stage's provider calls are attributed to it and kept per attempt in the work folder; the
 * manifest adds them up with the time each stage took, as the engine recorded it.
 */
public final class StoryPipeline {

  public static final String KIND = "story";

  public static final String INGEST = "ingest";
  public static final String SCRIPT = "script";
  public static final String STORYBOARD = "storyboard";
  public static final String VISUALS = "visuals";
  public static final String VOICE = "voice";
  public static final String MUSIC = "music";
  public static final String MODERATION = "moderation";
  public static final String CAPTIONS = "captions";
  public static final String THUMBNAIL = "thumbnail";
  public static final String MANIFEST = "manifest";

  /** The story's working files, inside its folder. */
  public static final String WORK_DIR = ".work";

  static final String VOICE_FILE = "voice.wav";
  static final String MUSIC_FILE = "music.wav";
  static final String TIMELINE_FILE = "timeline.json";
  public static final String MANIFEST_FILE = "manifest.json";

  /**
   * The narration, one beat per line: what {@code make --script} and the manual API take, so a
   * template or an extracted script can be edited and made again.
   */
  public static final String SCRIPT_FILE = "script.txt";

  /** The render tasks, one per frame shape. */
  public enum Shape {
    VERTICAL,
    HORIZONTAL,
    SQUARE;

    public String stage() {
      return "render-" + name().toLowerCase(Locale.ROOT);
    }

    static Shape of(RenderPreset preset) {
      if (preset.width() == preset.height()) {
        return SQUARE;
      }
      return preset.vertical() ? VERTICAL : HORIZONTAL;
    }
  }

  /**
   * The render stages of the shapes none of {@code formats} has: their tasks complete at once, and
   * the command's progress and the dashboard leave them out.
   */
  public static Set<String> skippedRenders(List<String> formats) {
    Set<Shape> wanted = presets(formats).stream().map(Shape::of).collect(Collectors.toSet());
    return Arrays.stream(Shape.values())
        .filter(s -> !wanted.contains(s))
        .map(Shape::stage)
        .collect(Collectors.toSet());
  }

  private final StoryStages stages;
  private final StageMeter meter;
  private final StoryFolders folders;

  public StoryPipeline(
      ProviderRegistry providers,
      ArticleSource articles,
      Renderer renderer,
      RunStore runs,
      CostAttribution costs,
      StoryFolders folders,
      RenderSpeed speed,
      Clock clock) {
    this(
        providers,
        articles,
        renderer,
        runs,
        costs,
        folders,
        speed,
        StoryModeration.standalone(),
        clock);
  }

  /**
   * @param moderation the gate's evidence store, region toggles, default preset and frame sampler
   */
  public StoryPipeline(
      ProviderRegistry providers,
      ArticleSource articles,
      Renderer renderer,
      RunStore runs,
      CostAttribution costs,
      StoryFolders folders,
      RenderSpeed speed,
      StoryModeration moderation,
      Clock clock) {
    this.folders = folders;
    this.meter = new StageMeter(runs, costs);
    this.stages =
        new StoryStages(providers, articles, renderer, folders, speed, meter, moderation, clock);
  }

  /** The definition and its handlers, each synced with the story's folder and metered. */
  public RegisteredPipeline registered() {
    return registered(UnaryOperator.identity());
  }

  /**
   * As {@link #registered()}, each handler first passed through {@code decorate} (the {@code make}
   * command adds its resume memory there).
   */
  public RegisteredPipeline registered(UnaryOperator<StageHandler> decorate) {
    Map<String, StageHandler> handlers = new LinkedHashMap<>();
    handlers.put(INGEST, stages::ingest);
    handlers.put(SCRIPT, stages::script);
    handlers.put(STORYBOARD, stages::storyboard);
    handlers.put(VISUALS, stages::visuals);
    handlers.put(VOICE, stages::voice);
    handlers.put(MUSIC, stages::music);
    handlers.put(MODERATION, stages::moderation);
    handlers.put(CAPTIONS, stages::captions);
    for (Shape shape : Shape.values()) {
      handlers.put(shape.stage(), ctx -> stages.render(ctx, shape));
    }
    handlers.put(THUMBNAIL, stages::thumbnail);
    handlers.put(MANIFEST, stages::manifest);
    Map<String, StageHandler> wrapped = new LinkedHashMap<>();
    handlers.forEach(
        (stage, handler) ->
            wrapped.put(
                stage,
                decorate.apply(
                    synced(
                        meter.metered(
                            handler,
                            ctx ->
                                meter.costsDir(
                                    stages.workDir(StoryStages.inputs(ctx)), ctx.runId()))))));
    return new RegisteredPipeline(definition(), wrapped);
  }

  /** The stages, their queues, order, retries and time limits. */
  public static PipelineDefinition definition() {
    List<StageDefinition> stages = new ArrayList<>();
    stages.add(
        StageDefinition.of(INGEST, "ingest")
            .retry(RetryPolicy.DEFAULT)
            .timeout(Duration.ofMinutes(1)));
    stages.add(
        StageDefinition.of(SCRIPT, "generation").after(INGEST).timeout(Duration.ofMinutes(3)));
    stages.add(StageDefinition.of(STORYBOARD, "analysis").after(SCRIPT));
    stages.add(StageDefinition.of(VISUALS, "generation").after(STORYBOARD));
    stages.add(StageDefinition.of(VOICE, "generation").after(SCRIPT));
    stages.add(StageDefinition.of(MUSIC, "generation").after(SCRIPT, VOICE));
    stages.add(
        StageDefinition.of(MODERATION, "analysis")
            .after(SCRIPT, STORYBOARD, VISUALS, VOICE, MUSIC));
    stages.add(
        StageDefinition.of(CAPTIONS, "analysis").after(SCRIPT, VISUALS, VOICE, MUSIC, MODERATION));
    List<String> renders = new ArrayList<>();
    for (Shape shape : Shape.values()) {
      stages.add(
          StageDefinition.of(shape.stage(), "render")
              .after(CAPTIONS)
              .timeout(Duration.ofMinutes(30)));
      renders.add(shape.stage());
    }
    stages.add(StageDefinition.of(THUMBNAIL, "render").after(renders.toArray(String[]::new)));
    List<String> manifestAfter =
        new ArrayList<>(List.of(SCRIPT, VISUALS, VOICE, MUSIC, MODERATION, CAPTIONS, INGEST));
    manifestAfter.addAll(renders);
    manifestAfter.add(THUMBNAIL);
    stages.add(
        StageDefinition.of(MANIFEST, "analysis").after(manifestAfter.toArray(String[]::new)));
    return PipelineDefinition.of(KIND, stages);
  }

  /**
   * Runs a stage against an up-to-date copy of the story's folder and stores what it wrote once it
   * succeeded, so that the next stage may run on another worker. A store that cannot be reached
   * fails the stage with a retryable error; the engine's retry policy takes it from there.
   */
  private StageHandler synced(StageHandler handler) {
    return ctx -> {
      String session = StoryStages.inputs(ctx).sessionId();
      folders.pull(session);
      StageResult result = handler.execute(ctx);
      if (!(result instanceof StageResult.FailedPermanently)) {
        folders.push(session); // a checkpoint to resume from elsewhere is kept as well
      }
      return result;
    };
  }

  /** The render presets for format ids; TikTok's vertical video when none is given. */
  public static List<RenderPreset> presets(List<String> formats) {
    if (formats.isEmpty()) {
      return List.of(RenderPreset.TIKTOK);
    }
    return formats.stream().map(RenderPreset::byId).distinct().toList();
  }

  /**
   * How long the music is: exactly as long as the video, which is the narration and its tail. One
   * rule for every way a story is made.
   */
  public static long musicMillis(Voice voice) {
    return voice.durationMillis() + BeatSpans.TAIL_MILLIS;
  }

  /** The timeline over {@code voice.wav}, the visuals' files and {@code music.wav}. */
  static Timeline timeline(
      Script script, VoiceOutput voice, Visuals visuals, Optional<Tune> tune, StoryInput input) {
    List<StoryTimeline.BeatVisual> beatVisuals =
        visuals.picks().stream()
            .map(p -> new StoryTimeline.BeatVisual(p.file(), p.candidate().kind()))
            .toList();
    return StoryTimeline.assemble(
        script,
        voice.voice().words(),
        voice.voice().durationMillis(),
        voice.wordsPerBeat(),
        VOICE_FILE,
        beatVisuals,
        tune.map(t -> MUSIC_FILE),
        input.captionStyle());
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
}
