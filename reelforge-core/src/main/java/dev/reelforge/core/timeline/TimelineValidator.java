package dev.reelforge.core.timeline;

import dev.reelforge.core.error.FieldViolation;
import dev.reelforge.core.error.ReelForgeException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a timeline before any work is spent on it, naming every problem with its field path
 * ({@code segments[2].durationMillis}) so that an API caller can fix them all at once.
 */
public final class TimelineValidator {

  /** Shorter segments cannot hold a transition or even a readable caption. */
  public static final long MIN_SEGMENT_MILLIS = 200;

  /** The longest video the renderer accepts; long-form is cut into clips first. */
  public static final long MAX_DURATION_MILLIS = 30 * 60 * 1000L;

  public static final int MAX_SEGMENTS = 500;

  private static final double MAX_ZOOM = 4;

  private TimelineValidator() {}

  /**
   * @throws ReelForgeException {@code VALIDATION_FAILED} listing every violation
   */
  public static void validate(Timeline timeline) {
    List<FieldViolation> violations = violations(timeline);
    if (!violations.isEmpty()) {
      throw ReelForgeException.invalidInput("the timeline is not valid", violations);
    }
  }

  public static List<FieldViolation> violations(Timeline timeline) {
    List<FieldViolation> out = new ArrayList<>();
    List<Segment> segments = timeline.segments();
    if (segments.isEmpty()) {
      out.add(new FieldViolation("segments", "must have at least one segment"));
    }
    if (segments.size() > MAX_SEGMENTS) {
      out.add(new FieldViolation("segments", "must have at most " + MAX_SEGMENTS + " segments"));
    }
    for (int i = 0; i < segments.size(); i++) {
      checkSegment(segments, i, out);
    }
    long duration = timeline.durationMillis();
    if (duration > MAX_DURATION_MILLIS) {
      out.add(
          new FieldViolation(
              "segments", "add up to " + duration + " ms, more than " + MAX_DURATION_MILLIS));
    }
    timeline.voice().ifPresent(v -> checkVoice(v, out));
    timeline.music().ifPresent(m -> checkMusic(m, out));
    checkWords(timeline.captions().words(), duration, out);
    timeline.overlays().hook().ifPresent(h -> checkHook(h, out));
    timeline.overlays().watermark().ifPresent(w -> checkWatermark(w, out));
    timeline.overlays().brand().ifPresent(b -> checkBrand(b, out));
    return out;
  }

  private static void checkSegment(List<Segment> segments, int i, List<FieldViolation> out) {
    Segment segment = segments.get(i);
    String at = "segments[" + i + "]";
    if (segment.id().isBlank()) {
      out.add(new FieldViolation(at + ".id", "must not be blank"));
    }
    if (segment.durationMillis() < MIN_SEGMENT_MILLIS) {
      out.add(new FieldViolation(at + ".durationMillis", "must be at least " + MIN_SEGMENT_MILLIS));
    }
    VisualClip visual = segment.visual();
    if (visual.source().isBlank()) {
      out.add(new FieldViolation(at + ".visual.source", "must name a file"));
    }
    if (visual.inMillis() < 0) {
      out.add(new FieldViolation(at + ".visual.inMillis", "must not be negative"));
    }
    visual
        .outMillis()
        .filter(outPoint -> outPoint <= visual.inMillis())
        .ifPresent(o -> out.add(new FieldViolation(at + ".visual.outMillis", "must be after in")));
    checkMotion(visual.motion(), at + ".visual.motion", out);
    Transition transition = segment.transitionIn();
    if (transition.durationMillis() < 0) {
      out.add(new FieldViolation(at + ".transitionIn.durationMillis", "must not be negative"));
    } else if (!transition.isCut()) {
      long room = segment.durationMillis();
      if (i > 0) {
        room = Math.min(room, segments.get(i - 1).durationMillis());
      }
      if (transition.durationMillis() > room) {
        out.add(
            new FieldViolation(
                at + ".transitionIn.durationMillis",
                "must not be longer than the segments it joins (" + room + " ms)"));
      }
    }
  }

  private static void checkMotion(Motion motion, String at, List<FieldViolation> out) {
    if (!zoomOk(motion.startZoom()) || !zoomOk(motion.endZoom())) {
      out.add(new FieldViolation(at, "zoom must be between 1 and " + MAX_ZOOM));
    }
    if (!unit(motion.startCenterX())
        || !unit(motion.startCenterY())
        || !unit(motion.endCenterX())
        || !unit(motion.endCenterY())) {
      out.add(new FieldViolation(at, "centres must be between 0 and 1"));
    }
  }

  private static void checkVoice(AudioTrack voice, List<FieldViolation> out) {
    if (voice.source().isBlank()) {
      out.add(new FieldViolation("voice.source", "must name a file"));
    }
    if (voice.offsetMillis() < 0) {
      out.add(new FieldViolation("voice.offsetMillis", "must not be negative"));
    }
    if (voice.sourceStartMillis() < 0) {
      out.add(new FieldViolation("voice.sourceStartMillis", "must not be negative"));
    }
  }

  private static void checkMusic(MusicTrack music, List<FieldViolation> out) {
    if (music.source().isBlank()) {
      out.add(new FieldViolation("music.source", "must name a file"));
    }
    if (music.fadeInMillis() < 0 || music.fadeOutMillis() < 0) {
      out.add(new FieldViolation("music", "fades must not be negative"));
    }
    if (music.gainDb() > 12 || music.gainDb() < -60) {
      out.add(new FieldViolation("music.gainDb", "must be between -60 and 12"));
    }
  }

  private static void checkWords(List<CaptionWord> words, long duration, List<FieldViolation> out) {
    long previousStart = 0;
    for (int i = 0; i < words.size(); i++) {
      CaptionWord word = words.get(i);
      String at = "captions.words[" + i + "]";
      if (word.text().isBlank()) {
        out.add(new FieldViolation(at + ".text", "must not be blank"));
      }
      if (word.startMillis() < 0 || word.endMillis() < word.startMillis()) {
        out.add(new FieldViolation(at, "must start at or after 0 and end after it starts"));
      }
      if (word.startMillis() < previousStart) {
        out.add(new FieldViolation(at + ".startMillis", "must not start before the word before"));
      }
      if (word.startMillis() >= duration && duration > 0) {
        out.add(new FieldViolation(at + ".startMillis", "starts after the video ends"));
      }
      previousStart = word.startMillis();
    }
  }

  private static void checkHook(Overlays.HookTitle hook, List<FieldViolation> out) {
    if (hook.text().isBlank()) {
      out.add(new FieldViolation("overlays.hook.text", "must not be blank"));
    }
    if (hook.startMillis() < 0 || hook.endMillis() <= hook.startMillis()) {
      out.add(new FieldViolation("overlays.hook", "must end after it starts"));
    }
  }

  private static void checkWatermark(Overlays.Watermark mark, List<FieldViolation> out) {
    if (!unit(mark.opacity())) {
      out.add(new FieldViolation("overlays.watermark.opacity", "must be between 0 and 1"));
    }
    if (mark.widthFraction() < 0.02 || mark.widthFraction() > 0.5) {
      out.add(
          new FieldViolation("overlays.watermark.widthFraction", "must be between 0.02 and 0.5"));
    }
  }

  private static void checkBrand(BrandColours brand, List<FieldViolation> out) {
    checkColour("overlays.brand.primary", brand.primary(), out);
    checkColour("overlays.brand.accent", brand.accent(), out);
    checkColour("overlays.brand.text", brand.text(), out);
  }

  private static void checkColour(String field, String colour, List<FieldViolation> out) {
    if (!BrandColours.isHex(colour)) {
      out.add(new FieldViolation(field, "must be a colour written #rrggbb, was '" + colour + "'"));
    }
  }

  private static boolean zoomOk(double zoom) {
    return zoom >= 1 && zoom <= MAX_ZOOM;
  }

  private static boolean unit(double value) {
    return value >= 0 && value <= 1;
  }
}
