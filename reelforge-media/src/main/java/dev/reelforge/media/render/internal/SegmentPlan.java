package dev.reelforge.media.render.internal;

import dev.reelforge.core.timeline.Framing;
import dev.reelforge.core.timeline.Motion;
import dev.reelforge.core.timeline.Transition;
import dev.reelforge.core.timeline.VisualClip;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything needed to render one segment of one preset, resolved to files and frame counts.
 *
 * @param label names the segment in progress and error messages
 * @param frames how many frames it has; frame boundaries are rounded once on the whole timeline so
 *     that segments add up exactly
 * @param visualFile the prepared still (BMP) or the source video
 * @param visualKey the content hash of what {@code visualFile} holds
 * @param framing where a cover-cropped video is cropped (used for {@link VisualClip.Kind#VIDEO}
 *     with {@link VisualClip.Fit#FILL} only; stills are prepared centred)
 * @param fadeIn the transition drawn over the first frames
 * @param fadeOut the transition drawn over the last frames (the next segment's transition in)
 * @param overlays pictures laid over the visual, in drawing order
 * @param videoArguments the encoder arguments, the same for every segment of a preset so that the
 *     segments join without re-encoding
 */
public record SegmentPlan(
    String label,
    int frames,
    int fps,
    int width,
    int height,
    VisualClip.Kind kind,
    Path visualFile,
    String visualKey,
    long inMillis,
    Optional<Long> outMillis,
    VisualClip.Fit fit,
    Motion motion,
    Framing framing,
    Transition fadeIn,
    Transition fadeOut,
    List<TimedImage> overlays,
    List<String> videoArguments) {

  public SegmentPlan {
    overlays = List.copyOf(overlays);
    videoArguments = List.copyOf(videoArguments);
  }

  /** The hash of everything that decides this segment's encoded bytes. */
  public String cacheKey() {
    CacheKey key =
        new CacheKey()
            .add("frames", frames)
            .add("fps", fps)
            .add("size", width + "x" + height)
            .add("kind", kind)
            .add("visual", visualKey)
            .add("in", inMillis)
            .add("out", outMillis)
            .add("fit", fit)
            .add("motion", motion)
            .add("fadeIn", fadeIn)
            .add("fadeOut", fadeOut)
            .add("encoder", videoArguments);
    if (cropsOffCentre()) {
      // Only when it changes the bytes, so that every centred segment keeps its cached entry.
      key.add("framing", framing);
    }
    for (TimedImage overlay : overlays) {
      key.add(
          "overlay",
          overlay.contentKey()
              + "@"
              + overlay.x()
              + ","
              + overlay.y()
              + "#"
              + overlay.fromFrame()
              + "-"
              + overlay.toFrame());
    }
    return key.value();
  }

  /** Whether this is footage cover-cropped somewhere other than the centre. */
  public boolean cropsOffCentre() {
    return kind == VisualClip.Kind.VIDEO && fit == VisualClip.Fit.FILL && !framing.isCentre();
  }

  /** This plan with another framing (the thumbnail grabs one frame, framed as at that moment). */
  public SegmentPlan withFraming(Framing newFraming) {
    return new SegmentPlan(
        label,
        frames,
        fps,
        width,
        height,
        kind,
        visualFile,
        visualKey,
        inMillis,
        outMillis,
        fit,
        motion,
        newFraming,
        fadeIn,
        fadeOut,
        overlays,
        videoArguments);
  }

  /** Whether the frames are drawn in Java ({@link KenBurnsFrames}) and piped to FFmpeg. */
  public boolean framesFromJava() {
    return kind == VisualClip.Kind.IMAGE && !motion.isStill();
  }

  public double seconds() {
    return (double) frames / fps;
  }
}
