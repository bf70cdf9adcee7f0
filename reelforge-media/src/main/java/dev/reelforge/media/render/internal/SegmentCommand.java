package dev.reelforge.media.render.internal;

import dev.reelforge.core.timeline.Framing;
import dev.reelforge.core.timeline.Motion;
import dev.reelforge.core.timeline.Transition;
import dev.reelforge.core.timeline.VisualClip;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compiles a {@link SegmentPlan} into one FFmpeg invocation. The filter graph is:
 *
 * <pre>
 * [0:v] visual: still → loop | moving still → raw frames from {@link KenBurnsFrames} on pipe:0
 *       | video → scale/crop (or fit over blur) → fps → hold last frame [→ perspective]
 *       → yuv420p → fade in/out                                              [base]
 * [base][1:v] overlay (enabled on frames a..b) → [o1] ... [oN-1][N:v] overlay → [v]
 * </pre>
 *
 * Ken Burns on stills is drawn in Java (see {@link KenBurnsFrames} for why); motion on video, which
 * is rare, uses {@code perspective} with per-frame expressions, which samples at fractional
 * positions where {@code zoompan} would move in whole pixels.
 */
public final class SegmentCommand {

  private SegmentCommand() {}

  public static List<String> arguments(SegmentPlan plan, Path output) {
    List<String> args = new ArrayList<>();
    if (plan.kind() == VisualClip.Kind.VIDEO) {
      if (plan.inMillis() > 0) {
        args.addAll(List.of("-ss", seconds(plan.inMillis())));
      }
      plan.outMillis().ifPresent(out -> args.addAll(List.of("-t", seconds(out - plan.inMillis()))));
    }
    if (plan.framesFromJava()) {
      args.addAll(
          List.of(
              "-f",
              "rawvideo",
              "-pix_fmt",
              "yuv420p",
              "-video_size",
              plan.width() + "x" + plan.height(),
              "-framerate",
              Integer.toString(plan.fps()),
              "-i",
              "pipe:0"));
    } else {
      args.addAll(List.of("-i", plan.visualFile().toString()));
    }
    for (TimedImage overlay : plan.overlays()) {
      args.addAll(List.of("-i", overlay.file().toString()));
    }
    args.addAll(List.of("-filter_complex", graph(plan), "-map", "[v]"));
    args.addAll(List.of("-frames:v", Integer.toString(plan.frames())));
    args.addAll(plan.videoArguments());
    args.addAll(List.of("-an", "-f", "mp4", output.toString()));
    return args;
  }

  static String graph(SegmentPlan plan) {
    StringBuilder graph = new StringBuilder("[0:v]").append(visual(plan));
    graph.append(",format=yuv420p");
    if (plan.kind() == VisualClip.Kind.VIDEO && !plan.motion().isStill()) {
      graph.append(',').append(kenBurns(plan));
    }
    fades(plan).forEach(f -> graph.append(',').append(f));
    graph.append(",setsar=1");
    List<TimedImage> overlays = plan.overlays();
    if (overlays.isEmpty()) {
      return graph.append("[v]").toString();
    }
    graph.append("[o0]");
    for (int i = 0; i < overlays.size(); i++) {
      TimedImage overlay = overlays.get(i);
      String out = i == overlays.size() - 1 ? "[v]" : "[o" + (i + 1) + "]";
      graph
          .append(";[o")
          .append(i)
          .append("][")
          .append(i + 1)
          .append(":v]overlay=x=")
          .append(overlay.x())
          .append(":y=")
          .append(overlay.y())
          .append(":eof_action=repeat");
      if (overlay.fromFrame() > 0 || overlay.toFrame() < plan.frames()) {
        // Frame numbers, not seconds: exact at any frame rate.
        graph
            .append(":enable='between(n,")
            .append(overlay.fromFrame())
            .append(',')
            .append(overlay.toFrame() - 1)
            .append(")'");
      }
      graph.append(out);
    }
    return graph.toString();
  }

  /**
   * The filter graph that frames a video clip's picture as the segment shows it (cover-crop, or fit
   * over a blurred copy), for grabbing single frames of it.
   */
  static String framing(SegmentPlan plan) {
    return "[0:v]" + visual(plan) + "[v]";
  }

  private static String visual(SegmentPlan plan) {
    int w = plan.width();
    int h = plan.height();
    if (plan.framesFromJava()) {
      return "setpts=N/(" + plan.fps() + "*TB)";
    }
    if (plan.kind() == VisualClip.Kind.IMAGE) {
      // The still was prepared at the frame size; decode it once and repeat the frame.
      return "loop=loop=-1:size=1:start=0,setpts=N/(" + plan.fps() + "*TB)";
    }
    String scaled =
        plan.fit() == VisualClip.Fit.FILL
            ? plan.cropsOffCentre() ? scaleToCover(w, h) : cover(w, h)
            : "split=2[fitbg][fitfg];[fitbg]"
                + cover(w / 8, h / 8)
                + ",boxblur=8:2,scale="
                + w
                + ":"
                + h
                + ",eq=brightness=-0.12[fitbgb];[fitfg]scale="
                + w
                + ":"
                + h
                + ":force_original_aspect_ratio=decrease[fitfgs];[fitbgb][fitfgs]overlay=x=(W-w)/2:y=(H-h)/2";
    // A clip shorter than its segment holds its last frame.
    String timed =
        scaled
            + ",fps="
            + plan.fps()
            + ",tpad=stop_mode=clone:stop_duration="
            + String.format(Locale.ROOT, "%.3f", plan.seconds())
            + ",setpts=PTS-STARTPTS";
    return plan.cropsOffCentre() ? timed + "," + framedCrop(plan) : timed;
  }

  private static String cover(int w, int h) {
    return scaleToCover(w, h) + ",crop=" + w + ":" + h;
  }

  private static String scaleToCover(int w, int h) {
    return "scale=" + w + ":" + h + ":force_original_aspect_ratio=increase";
  }

  /**
   * The cover crop placed by the clip's {@link Framing}: the framing's point of the scaled picture
   * is put at the frame's centre, clamped so the window stays inside the picture. A moving framing
   * is interpolated on the output frame number {@code n}, which counts from 0 at the segment's
   * first frame whatever timestamps the source had (the crop comes after fps, tpad and setpts);
   * {@code t} would depend on how the input seek left them. The crop moves in whole pixels ({@code
   * exact=1}: not rounded to the chroma grid's 2 px), which on real footage, where the picture
   * moves anyway, does not show; sub-pixel moves would need {@code perspective}, at about twice the
   * encoder's CPU per frame.
   */
  static String framedCrop(SegmentPlan plan) {
    Framing f = plan.framing();
    String progress = "min(n/" + Math.max(1, plan.frames() - 1) + ",1)";
    return "crop=w="
        + plan.width()
        + ":h="
        + plan.height()
        + ":x='"
        + offset(f.startX(), f.endX(), progress, "iw", plan.width())
        + "':y='"
        + offset(f.startY(), f.endY(), progress, "ih", plan.height())
        + "':exact=1";
  }

  private static String offset(double from, double to, String progress, String size, int window) {
    String centre =
        from == to
            ? String.format(Locale.ROOT, "%.5f*%s", from, size)
            : String.format(Locale.ROOT, "(%.5f+(%.5f)*%s)*%s", from, to - from, progress, size);
    return "clip(" + centre + "-" + window / 2.0 + ",0," + size + "-" + window + ")";
  }

  /** The window moves linearly between the start and end framings, clamped inside the picture. */
  static String kenBurns(SegmentPlan plan) {
    Motion m = plan.motion();
    double[] start = window(m.startZoom(), m.startCenterX(), m.startCenterY(), plan);
    double[] end = window(m.endZoom(), m.endCenterX(), m.endCenterY(), plan);
    String p = "on/" + Math.max(1, plan.frames() - 1);
    String left = lerp(start[0], end[0], p);
    String top = lerp(start[1], end[1], p);
    String right = lerp(start[2], end[2], p);
    String bottom = lerp(start[3], end[3], p);
    return "perspective=x0='"
        + left
        + "':y0='"
        + top
        + "':x1='"
        + right
        + "':y1='"
        + top
        + "':x2='"
        + left
        + "':y2='"
        + bottom
        + "':x3='"
        + right
        + "':y3='"
        + bottom
        + "':interpolation=linear:eval=frame";
  }

  private static double[] window(double zoom, double cx, double cy, SegmentPlan plan) {
    double w = plan.width() / zoom;
    double h = plan.height() / zoom;
    double left = clamp(cx * plan.width() - w / 2, 0, plan.width() - w);
    double top = clamp(cy * plan.height() - h / 2, 0, plan.height() - h);
    return new double[] {left, top, left + w, top + h};
  }

  private static String lerp(double from, double to, String p) {
    return String.format(Locale.ROOT, "%.4f+(%.4f)*%s", from, to - from, p);
  }

  private static List<String> fades(SegmentPlan plan) {
    List<String> fades = new ArrayList<>();
    Transition in = plan.fadeIn();
    if (!in.isCut()) {
      fades.add(
          String.format(
              Locale.ROOT,
              "fade=t=in:st=0:d=%.3f:color=%s",
              in.durationMillis() / 2000.0,
              color(in)));
    }
    Transition out = plan.fadeOut();
    if (!out.isCut()) {
      double d = out.durationMillis() / 2000.0;
      fades.add(
          String.format(
              Locale.ROOT,
              "fade=t=out:st=%.3f:d=%.3f:color=%s",
              Math.max(0, plan.seconds() - d),
              d,
              color(out)));
    }
    return fades;
  }

  private static String color(Transition transition) {
    return transition.type() == Transition.Type.FADE_WHITE ? "white" : "black";
  }

  private static double clamp(double value, double min, double max) {
    return Math.max(min, Math.min(max, value));
  }

  static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }
}
