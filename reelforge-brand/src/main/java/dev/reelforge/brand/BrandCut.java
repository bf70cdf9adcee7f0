package dev.reelforge.brand;

import dev.reelforge.core.brand.BrandAnalysis;
import dev.reelforge.core.music.Mood;
import dev.reelforge.core.music.Music;
import dev.reelforge.core.timeline.AudioTrack;
import dev.reelforge.core.timeline.BrandColours;
import dev.reelforge.core.timeline.CaptionTrack;
import dev.reelforge.core.timeline.CaptionWord;
import dev.reelforge.core.timeline.MusicTrack;
import dev.reelforge.core.timeline.Overlays;
import dev.reelforge.core.timeline.Segment;
import dev.reelforge.core.timeline.Timeline;
import dev.reelforge.core.timeline.Transition;
import dev.reelforge.core.timeline.VisualClip;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The cut of a brand video: the scenes' clips in order with a short fade between them, each scene's
 * caption word by word over its clip in the brand's colours, the wordmark (or the first caption) as
 * the title, and music chosen by the brand's mood. Sources are named relative to the work folder
 * the clips were fetched into ({@code clip-<index>.mp4}, {@code music.wav}).
 */
record BrandCut(List<Scene> scenes, BrandAnalysis analysis, long durationMillis, Mood mood) {

  static final long FADE_MILLIS = 250;
  static final long TITLE_MILLIS = 2500;

  static BrandCut of(List<Scene> scenes, BrandAnalysis analysis) {
    long total = 0;
    for (Scene scene : scenes) {
      total += sceneMillis(scene);
    }
    return new BrandCut(scenes, analysis, total, moodOf(analysis));
  }

  /**
   * The brand's mood as music understands it: dark looks are mysterious, vivid ones playful, bright
   * and high-vibe ones uplifting, the rest calm.
   */
  static Mood moodOf(BrandAnalysis analysis) {
    if (analysis.look().brightness() < 0.3) {
      return Mood.MYSTERIOUS;
    }
    if (analysis.look().saturation() > 0.6 && analysis.look().colourfulness() > 0.5) {
      return Mood.PLAYFUL;
    }
    if (analysis.scores().vibe() > 0.6 || analysis.look().brightness() > 0.65) {
      return Mood.UPLIFTING;
    }
    return Mood.CALM;
  }

  Timeline timeline(Music music) {
    List<Segment> segments = new ArrayList<>();
    List<CaptionWord> words = new ArrayList<>();
    Optional<String> wordmark =
        analysis.text().present() && !analysis.text().text().isBlank()
            ? Optional.of(analysis.text().text().strip())
            : Optional.empty();
    String title = wordmark.orElse(scenes.getFirst().caption());
    long start = 0;
    for (Scene scene : scenes) {
      long length = sceneMillis(scene);
      VisualClip clip =
          VisualClip.video("clip-" + scene.sequenceIndex() + ".mp4", 0, Optional.of(length));
      Segment segment = Segment.of("scene-" + scene.sequenceIndex(), length, clip);
      if (!segments.isEmpty()) {
        segment = segment.withTransitionIn(Transition.fadeThroughBlack(FADE_MILLIS));
      }
      segments.add(segment);
      boolean titled = wordmark.isEmpty() && scene.sequenceIndex() == 0;
      if (!titled) {
        long from = start + (scene.sequenceIndex() == 0 ? TITLE_MILLIS : FADE_MILLIS);
        words.addAll(spread(scene.caption(), from, start + length - FADE_MILLIS));
      }
      start += length;
    }
    return new Timeline(
        segments,
        Optional.<AudioTrack>empty(),
        Optional.of(MusicTrack.of(music.audio().getFileName().toString())),
        CaptionTrack.of(words),
        new Overlays(
                Optional.of(
                    new Overlays.HookTitle(title, 0, Math.min(TITLE_MILLIS, durationMillis))),
                Optional.empty())
            .withBrand(colours(analysis)));
  }

  /**
   * The brand's colours for titles and captions: the most prominent subject colour as the primary
   * (the first palette colour when no colour is the subject's), the next palette colour as the
   * accent (the primary again for a one-colour brand), and white or near-black text, whichever
   * reads on the primary. The render engine still keeps captions legible.
   */
  static BrandColours colours(BrandAnalysis analysis) {
    List<BrandAnalysis.PaletteColour> palette = analysis.palette();
    String primary =
        palette.stream()
            .filter(c -> c.role() == BrandAnalysis.Role.SUBJECT)
            .findFirst()
            .orElse(palette.getFirst())
            .hex();
    String accent =
        palette.stream()
            .map(BrandAnalysis.PaletteColour::hex)
            .filter(h -> !h.equals(primary))
            .findFirst()
            .orElse(primary);
    String text = luminance(primary) > 0.5 ? "#111111" : "#ffffff";
    return new BrandColours(primary, accent, text);
  }

  private static double luminance(String hex) {
    int rgb = Integer.parseInt(hex.substring(1), 16);
    return (0.2126 * ((rgb >> 16) & 0xff) + 0.7152 * ((rgb >> 8) & 0xff) + 0.0722 * (rgb & 0xff))
        / 255.0;
  }

  /** The caption's words, evenly over {@code [from, to)}, longer words longer. */
  static List<CaptionWord> spread(String caption, long from, long to) {
    String[] parts = caption.strip().split("\\s+");
    long span = Math.max(to - from, parts.length * 120L);
    long letters = 0;
    for (String part : parts) {
      letters += part.length() + 2;
    }
    List<CaptionWord> words = new ArrayList<>();
    long at = from;
    for (String part : parts) {
      long length = span * (part.length() + 2) / letters;
      words.add(new CaptionWord(part, at, at + length));
      at += length;
    }
    return words;
  }

  private static long sceneMillis(Scene scene) {
    return Math.round((scene.clipSeconds() == null ? 5.0 : scene.clipSeconds()) * 1000);
  }
}
