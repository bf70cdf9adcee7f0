package dev.reelforge.media.render;

import dev.reelforge.core.render.Cancellation;
import dev.reelforge.core.render.QualityTier;
import dev.reelforge.core.render.RenderCancelledException;
import dev.reelforge.core.render.RenderEstimate;
import dev.reelforge.core.render.RenderJob;
import dev.reelforge.core.render.RenderListener;
import dev.reelforge.core.render.RenderPreset;
import dev.reelforge.core.render.RenderResult;
import dev.reelforge.core.render.RenderedOutput;
import dev.reelforge.core.render.Renderer;
import dev.reelforge.core.timeline.Motion;
import dev.reelforge.core.timeline.Segment;
import dev.reelforge.core.timeline.Timeline;
import dev.reelforge.core.timeline.TimelineValidator;
import dev.reelforge.core.timeline.VisualClip;
import dev.reelforge.media.captions.CaptionPage;
import dev.reelforge.media.captions.CaptionStyle;
import dev.reelforge.media.captions.FontLibrary;
import dev.reelforge.media.captions.SubtitleWriter;
import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import dev.reelforge.media.ffmpeg.FfmpegNotUsableException;
import dev.reelforge.media.ffmpeg.FfmpegRun;
import dev.reelforge.media.render.internal.AudioMix;
import dev.reelforge.media.render.internal.CacheKey;
import dev.reelforge.media.render.internal.Canvas;
import dev.reelforge.media.render.internal.CaptionOverlay;
import dev.reelforge.media.render.internal.KenBurnsFrames;
import dev.reelforge.media.render.internal.OverlayPictures;
import dev.reelforge.media.render.internal.Progress;
import dev.reelforge.media.render.internal.SegmentCommand;
import dev.reelforge.media.render.internal.SegmentJoin;
import dev.reelforge.media.render.internal.SegmentPlan;
import dev.reelforge.media.render.internal.SegmentPlanner;
import dev.reelforge.media.render.internal.SourceFiles;
import dev.reelforge.media.render.internal.StillPreparer;
import dev.reelforge.media.render.internal.ThumbnailMaker;
import dev.reelforge.media.render.internal.WorkDirs;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Renderer} on FFmpeg: renders a {@link Timeline} into platform-ready MP4s, one per
 * preset, with caption sidecars and thumbnails. Work is split into cacheable pieces (the
 * soundtrack, once for all presets; each segment of each preset) stored under the work folder by
 * content hash, so an interrupted render picks up where it stopped and an edit re-renders only the
 * segments it touched plus the join.
 */
public final class RenderEngine implements Renderer {

  private static final Logger LOG = LoggerFactory.getLogger(RenderEngine.class);

  /** The soundtrack costs about as much as this share of one preset's frames. */
  private static final double AUDIO_WEIGHT = 0.05;

  private static final double JOIN_WEIGHT = 0.03;

  private final FfmpegInstallation ffmpeg;
  private final RenderSettings settings;
  private final FontLibrary fonts;

  public RenderEngine(FfmpegInstallation ffmpeg, RenderSettings settings, FontLibrary fonts) {
    this.ffmpeg = ffmpeg;
    this.settings = settings;
    this.fonts = fonts;
  }

  public FfmpegInstallation ffmpeg() {
    return ffmpeg;
  }

  /** An estimator on the same FFmpeg, calibrating in this engine's work folder. */
  public RenderEstimator estimator() {
    return new RenderEstimator(ffmpeg, settings.workDir().resolve("tmp"));
  }

  /** From calibration encodes on this machine's FFmpeg (see {@link RenderEstimator}). */
  @Override
  public RenderEstimate estimate(Timeline timeline, List<RenderPreset> presets, QualityTier tier) {
    return estimator().estimate(timeline, presets, tier);
  }

  /**
   * Makes the thumbnail of every preset of {@code job} at {@link RenderJob#thumbnailFile}: the
   * sharpest of its framed visuals with the hook title. Stills the render prepared in the same work
   * folder are reused.
   *
   * @return the thumbnails, one per preset in order
   * @throws RenderCancelledException when cancelled
   */
  @Override
  public List<Path> thumbnails(RenderJob job, Cancellation cancellation) {
    Timeline timeline = job.timeline();
    TimelineValidator.validate(timeline);
    WorkDirs dirs = WorkDirs.create(settings.workDir());
    try {
      FfmpegRun run = FfmpegRun.within(ffmpeg, cancellation, settings.timeout());
      SourceFiles sources = new SourceFiles(job.mediaRoot());
      List<Path> made = new ArrayList<>();
      for (RenderPreset preset : job.presets()) {
        cancellation.throwIfCancelled();
        EncoderSettings encoder = EncoderSettings.choose(ffmpeg, preset, job.quality());
        // Captions never show in a thumbnail, so none are drawn for its plans.
        List<SegmentPlan> plans =
            planner(timeline, preset, encoder, sources, Optional.empty(), dirs, run).plan();
        Path thumbnail = job.thumbnailFile(preset);
        new ThumbnailMaker(fonts, dirs.temp())
            .make(timeline, Canvas.of(preset), plans, run, thumbnail);
        made.add(thumbnail);
      }
      return made;
    } finally {
      dirs.deleteTemp();
    }
  }

  private SegmentPlanner planner(
      Timeline timeline,
      RenderPreset preset,
      EncoderSettings encoder,
      SourceFiles sources,
      Optional<CaptionOverlay> captions,
      WorkDirs dirs,
      FfmpegRun run) {
    return new SegmentPlanner(
        timeline,
        Canvas.of(preset),
        encoder.videoArguments(),
        sources,
        new StillPreparer(dirs.stills(), dirs.temp()),
        captions,
        new OverlayPictures(fonts, Canvas.of(preset), dirs.overlays(), dirs.temp()),
        dirs.captions(),
        dirs.temp(),
        run);
  }

  /**
   * Renders every preset of {@code job}.
   *
   * @throws dev.reelforge.core.error.ReelForgeException {@code VALIDATION_FAILED} or {@code
   *     INVALID_INPUT} for a bad timeline, {@code RENDER_FAILED} when FFmpeg fails, {@code TIMEOUT}
   *     past the deadline
   * @throws RenderCancelledException when cancelled; temporary files are removed either way
   */
  @Override
  public RenderResult render(RenderJob job, RenderListener listener, Cancellation cancellation) {
    Timeline timeline = job.timeline();
    TimelineValidator.validate(timeline);
    List<String> missing = RenderRequirements.missing(ffmpeg);
    if (!missing.isEmpty()) {
      throw new FfmpegNotUsableException(
          "the FFmpeg "
              + ffmpeg.origin()
              + " lacks what rendering needs: "
              + String.join(", ", missing));
    }
    CaptionStyle.byName(timeline.captions().style());
    WorkDirs dirs = WorkDirs.create(settings.workDir());
    try {
      return new Run(job, dirs, listener, cancellation).execute();
    } finally {
      dirs.deleteTemp();
    }
  }

  /**
   * The timeline as a tier renders it: a draft holds its stills still. Drawing a moving still's
   * every frame in Java, not the encoder, is what a render waits on (the tiers benchmark: a faster
   * encoder alone made the draft no quicker), and a preview is for the words, the order and the
   * pictures, not the motion.
   */
  static Timeline asRendered(Timeline timeline, QualityTier quality) {
    if (quality != QualityTier.DRAFT) {
      return timeline;
    }
    Timeline still = timeline;
    for (int i = 0; i < timeline.segments().size(); i++) {
      Segment segment = timeline.segments().get(i);
      if (segment.visual().kind() == VisualClip.Kind.IMAGE
          && !segment.visual().motion().equals(Motion.NONE)) {
        still =
            still.withSegment(
                i,
                new Segment(
                    segment.id(),
                    segment.durationMillis(),
                    segment.visual().withMotion(Motion.NONE),
                    segment.transitionIn()));
      }
    }
    return still;
  }

  /** The state of one render call. */
  private final class Run {
    private final RenderJob job;
    private final Timeline timeline;
    private final WorkDirs dirs;
    private final FfmpegRun run;
    private final Cancellation cancellation;
    private final SourceFiles sources;
    private final Progress progress;
    private final double audioUnits;
    private AudioMix mix;
    private int rendered;
    private int reused;

    Run(RenderJob job, WorkDirs dirs, RenderListener listener, Cancellation cancellation) {
      this.job = job;
      this.timeline = asRendered(job.timeline(), job.quality());
      this.dirs = dirs;
      this.cancellation = cancellation;
      this.run = FfmpegRun.within(ffmpeg, cancellation, settings.timeout());
      this.sources = new SourceFiles(job.mediaRoot());
      this.audioUnits = frames(job.presets().getFirst()) * AUDIO_WEIGHT;
      double units = audioUnits;
      for (RenderPreset preset : job.presets()) {
        units += frames(preset) * (1 + JOIN_WEIGHT);
      }
      this.progress = new Progress((step, fraction) -> listener.progress(fraction, step), units);
    }

    private int frames(RenderPreset preset) {
      return SegmentPlanner.boundaries(timeline, preset.fps())[timeline.segments().size()];
    }

    RenderResult execute() {
      Path audio = audioFile();
      boolean audioReused = Files.isRegularFile(audio);
      // The soundtrack is mixed beside the first segments: it is single-threaded and fills the
      // gaps where the video encoder starts up or drains.
      Cancellation audioCancellation = cancellation.child();
      CompletableFuture<Void> soundtrack =
          audioReused
              ? CompletableFuture.completedFuture(null)
              : CompletableFuture.runAsync(
                  () -> renderAudio(audio, run.with(audioCancellation)),
                  r -> Thread.ofPlatform().name("render-audio").start(r));
      List<RenderedOutput> outputs = new ArrayList<>();
      try {
        for (RenderPreset preset : job.presets()) {
          outputs.add(renderPreset(preset, audio, soundtrack));
        }
      } catch (RuntimeException e) {
        audioCancellation.cancel();
        awaitQuietly(soundtrack);
        throw e;
      }
      progress.finish();
      LOG.info(
          "Rendered {} preset(s): {} segment(s) encoded, {} reused, soundtrack {}",
          outputs.size(),
          rendered,
          reused,
          audioReused ? "reused" : "mixed");
      return new RenderResult(outputs, rendered, reused, audioReused);
    }

    private Path audioFile() {
      AudioMix soundtrack = mix();
      CacheKey key = new CacheKey().add("audio", soundtrack.description());
      soundtrack.voiceFile().ifPresent(v -> key.add("voiceFile", sources.hash(v)));
      soundtrack.musicFile().ifPresent(m -> key.add("musicFile", sources.hash(m)));
      key.add("aac", EncoderSettings.audioArguments(job.quality()));
      return dirs.audio().resolve(key.value() + ".m4a");
    }

    /** The soundtrack's description, resolved once (its sources are checked and hashed). */
    private AudioMix mix() {
      if (mix == null) {
        mix = newMix();
      }
      return mix;
    }

    private AudioMix newMix() {
      return new AudioMix(
          timeline.voice(),
          timeline.voice().map(v -> sources.resolve(v.source(), "voice.source")),
          timeline.music(),
          timeline.music().map(m -> sources.resolve(m.source(), "music.source")),
          timeline.durationMillis(),
          job.presets().getFirst().loudnessLufs());
    }

    private void renderAudio(Path target, FfmpegRun audioRun) {
      Path temp = dirs.tempFile("audio", ".m4a");
      mix().render(audioRun, EncoderSettings.audioArguments(job.quality()), temp, null);
      dirs.publish(temp, target);
    }

    private RenderedOutput renderPreset(
        RenderPreset preset, Path audio, CompletableFuture<Void> soundtrack) {
      cancellation.throwIfCancelled();
      EncoderSettings encoder = EncoderSettings.choose(ffmpeg, preset, job.quality());
      Optional<CaptionOverlay> captions =
          timeline.captions().isEmpty()
              ? Optional.empty()
              : Optional.of(
                  new CaptionOverlay(
                      fonts,
                      timeline.captions(),
                      Canvas.of(preset),
                      timeline.overlays().hook(),
                      timeline.overlays().brand()));
      SegmentPlanner planner = planner(timeline, preset, encoder, sources, captions, dirs, run);
      // Plans (stills to prepare, captions to draw) are made ahead on another thread while FFmpeg
      // encodes, so that Java's share of the work overlaps the encoder's.
      int count = timeline.segments().size();
      ExecutorService ahead =
          Executors.newSingleThreadExecutor(
              r -> Thread.ofPlatform().name("render-plan").unstarted(r));
      List<SegmentPlan> plans = new ArrayList<>();
      List<Path> segmentFiles = new ArrayList<>();
      try {
        List<CompletableFuture<SegmentPlan>> planned = new ArrayList<>();
        for (int i = 0; i < count; i++) {
          int index = i;
          planned.add(CompletableFuture.supplyAsync(() -> planner.plan(index), ahead));
        }
        for (int i = 0; i < count; i++) {
          SegmentPlan plan = result(planned.get(i));
          plans.add(plan);
          segmentFiles.add(segment(plan, i, count));
        }
      } finally {
        stop(ahead);
      }
      int frames = plans.stream().mapToInt(SegmentPlan::frames).sum();
      await(soundtrack);
      if (preset == job.presets().getFirst()) {
        progress.skip("soundtrack", audioUnits);
      }
      Path video = job.outputDir().resolve(job.baseName() + "-" + preset.id() + ".mp4");
      Path joined = dirs.tempFile("join", ".mp4");
      LongConsumer step =
          progress.step(
              preset.id() + ": joining", frames * JOIN_WEIGHT, frames / (double) preset.fps());
      SegmentJoin.join(
          run,
          segmentFiles,
          audio,
          timeline.durationMillis(),
          dirs.tempFile("concat", ".txt"),
          joined,
          step);
      dirs.publish(joined, video);
      List<CaptionPage> pages = captions.map(CaptionOverlay::pages).orElse(List.of());
      Path srt = write(preset, ".srt", SubtitleWriter.srt(pages, timeline.captions().words()));
      Path vtt = write(preset, ".vtt", SubtitleWriter.vtt(pages, timeline.captions().words()));
      Path thumbnail = job.thumbnailFile(preset);
      if (job.thumbnails()) {
        new ThumbnailMaker(fonts, dirs.temp())
            .make(timeline, Canvas.of(preset), plans, run, thumbnail);
      }
      try {
        return new RenderedOutput(
            preset, video, thumbnail, srt, vtt, timeline.durationMillis(), Files.size(video));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Stops planning ahead and waits for a plan in progress, which may be writing files. */
    private static void stop(ExecutorService ahead) {
      ahead.shutdownNow();
      try {
        ahead.awaitTermination(1, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private static void await(CompletableFuture<Void> soundtrack) {
      result(soundtrack);
    }

    private static <T> T result(CompletableFuture<T> future) {
      try {
        return future.join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException cause) {
          throw cause;
        }
        throw e;
      }
    }

    private static void awaitQuietly(CompletableFuture<Void> soundtrack) {
      try {
        soundtrack.join();
      } catch (CompletionException | CancellationException e) {
        // The render is failing already; the soundtrack's own failure adds nothing.
      }
    }

    private Path segment(SegmentPlan plan, int index, int count) {
      cancellation.throwIfCancelled();
      Path cached = dirs.segments().resolve(plan.cacheKey() + ".mp4");
      String name = plan.label() + " [" + (index + 1) + "/" + count + "]";
      if (Files.isRegularFile(cached)) {
        reused++;
        progress.skip(name + " (cached)", plan.frames());
        return cached;
      }
      LongConsumer step = progress.step(name, plan.frames(), plan.seconds());
      Path temp = dirs.tempFile("segment", ".mp4");
      run.run(plan.label(), SegmentCommand.arguments(plan, temp), step, feeder(plan));
      dirs.publish(temp, cached);
      rendered++;
      return cached;
    }

    private FfmpegRun.Feeder feeder(SegmentPlan plan) {
      if (!plan.framesFromJava()) {
        return null;
      }
      return stdin -> {
        BufferedImage still = ImageIO.read(plan.visualFile().toFile());
        new KenBurnsFrames(still, plan.width(), plan.height(), plan.motion(), plan.frames())
            .write(stdin);
      };
    }

    private Path write(RenderPreset preset, String extension, String content) {
      Path file = job.outputDir().resolve(job.baseName() + "-" + preset.id() + extension);
      Path temp = dirs.tempFile("sidecar", extension);
      try {
        Files.writeString(temp, content, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      dirs.publish(temp, file);
      return file;
    }
  }
}
