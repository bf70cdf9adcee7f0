package dev.reelforge.media.render.internal;

import dev.reelforge.core.timeline.Overlays;
import dev.reelforge.core.timeline.Segment;
import dev.reelforge.core.timeline.Timeline;
import dev.reelforge.core.timeline.Transition;
import dev.reelforge.core.timeline.VisualClip;
import dev.reelforge.media.ffmpeg.FfmpegRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a timeline into one {@link SegmentPlan} per segment for a preset: frame ranges, the
 * prepared visual, the fades of its transitions, and the captions and overlays that fall inside it.
 */
public final class SegmentPlanner {

  private final Timeline timeline;
  private final Canvas canvas;
  private final List<String> videoArguments;
  private final SourceFiles sources;
  private final StillPreparer stills;
  private final Optional<CaptionOverlay> captions;
  private final OverlayPictures pictures;
  private final Path captionCache;
  private final Path tempDir;
  private final FfmpegRun ffmpeg;
  private final int[] bounds;
  private List<TimedImage> global;

  public SegmentPlanner(
      Timeline timeline,
      Canvas canvas,
      List<String> videoArguments,
      SourceFiles sources,
      StillPreparer stills,
      Optional<CaptionOverlay> captions,
      OverlayPictures pictures,
      Path captionCache,
      Path tempDir,
      FfmpegRun ffmpeg) {
    this.timeline = timeline;
    this.canvas = canvas;
    this.videoArguments = List.copyOf(videoArguments);
    this.sources = sources;
    this.stills = stills;
    this.captions = captions;
    this.pictures = pictures;
    this.captionCache = captionCache;
    this.tempDir = tempDir;
    this.ffmpeg = ffmpeg;
    this.bounds = boundaries(timeline, canvas.fps());
  }

  /** Where each segment starts, in frames; one more entry than segments (the end). */
  public static int[] boundaries(Timeline timeline, int fps) {
    int count = timeline.segments().size();
    int[] frames = new int[count + 1];
    long start = 0;
    for (int i = 0; i <= count; i++) {
      frames[i] = frame(start, fps);
      if (i < count) {
        start += timeline.segments().get(i).durationMillis();
      }
    }
    return frames;
  }

  private static int even(double size) {
    return 2 * (int) Math.round(size / 2);
  }

  static int frame(long millis, int fps) {
    return (int) Math.round(millis * fps / 1000.0);
  }

  public List<SegmentPlan> plan() {
    List<SegmentPlan> plans = new ArrayList<>();
    for (int i = 0; i < timeline.segments().size(); i++) {
      plans.add(plan(i));
    }
    return plans;
  }

  /**
   * Plans segment {@code index}, preparing its still and drawing its captions. Plans are made on
   * one thread, in order (the overlays shared by all segments are drawn with the first).
   */
  public SegmentPlan plan(int index) {
    if (global == null) {
      global = globalOverlays(bounds[bounds.length - 1]);
    }
    List<Segment> segments = timeline.segments();
    Segment segment = segments.get(index);
    Transition fadeOut =
        index + 1 < segments.size() ? segments.get(index + 1).transitionIn() : Transition.CUT;
    Transition fadeIn = index > 0 ? segment.transitionIn() : Transition.CUT;
    return plan(index, segment, bounds[index], bounds[index + 1], fadeIn, fadeOut, global);
  }

  private SegmentPlan plan(
      int index,
      Segment segment,
      int from,
      int to,
      Transition fadeIn,
      Transition fadeOut,
      List<TimedImage> global) {
    VisualClip visual = segment.visual();
    String field = "segments[" + index + "].visual.source";
    Path source = sources.resolve(visual.source(), field);
    String sourceHash = sources.hash(source);
    Path file;
    String key;
    if (visual.kind() == VisualClip.Kind.IMAGE) {
      file =
          stills.prepare(source, sourceHash, visual.fit(), canvas.width(), canvas.height(), ffmpeg);
      key = sourceHash + "/" + visual.fit();
    } else {
      file = source;
      key = sourceHash;
    }
    List<TimedImage> overlays = new ArrayList<>();
    for (TimedImage image : global) {
      clip(image, from, to).ifPresent(overlays::add);
    }
    captions.ifPresent(c -> overlays.addAll(captionImages(c, from, to)));
    return new SegmentPlan(
        canvas.id() + " segment " + (index + 1) + " (" + segment.id() + ")",
        to - from,
        canvas.fps(),
        canvas.width(),
        canvas.height(),
        visual.kind(),
        file,
        key,
        visual.inMillis(),
        visual.outMillis(),
        visual.fit(),
        visual.motion(),
        visual.framing(),
        fadeIn,
        fadeOut,
        overlays,
        videoArguments);
  }

  private List<TimedImage> globalOverlays(int totalFrames) {
    List<TimedImage> global = new ArrayList<>();
    Overlays overlays = timeline.overlays();
    overlays
        .watermark()
        .ifPresent(
            mark -> {
              Path logo = sources.resolve(mark.source(), "overlays.watermark.source");
              global.add(pictures.watermark(mark, logo, sources.hash(logo), totalFrames, ffmpeg));
            });
    overlays
        .hook()
        .ifPresent(
            hook ->
                global.add(
                    pictures.hook(
                        hook.text(),
                        overlays.brand(),
                        frame(hook.startMillis(), canvas.fps()),
                        Math.min(totalFrames, frame(hook.endMillis(), canvas.fps())))));
    return global;
  }

  private List<TimedImage> captionImages(CaptionOverlay overlay, int from, int to) {
    List<TimedImage> images = new ArrayList<>();
    for (CaptionOverlay.State state : overlay.states()) {
      int start = Math.max(from, frame(state.startMillis(), canvas.fps()));
      int end = Math.min(to, frame(state.endMillis(), canvas.fps()));
      if (end > start) {
        overlay
            .image(state, start - from, end - from, captionCache, tempDir)
            .ifPresent(images::add);
      }
    }
    return images;
  }

  /** A global overlay's part inside frames {@code from..to}, relative to {@code from}. */
  private static Optional<TimedImage> clip(TimedImage image, int from, int to) {
    int start = Math.max(from, image.fromFrame());
    int end = Math.min(to, image.toFrame());
    if (end <= start) {
      return Optional.empty();
    }
    return Optional.of(
        new TimedImage(
            image.file(), image.contentKey(), image.x(), image.y(), start - from, end - from));
  }
}
