package dev.reelforge.media.testing;

import dev.reelforge.core.timeline.AudioTrack;
import dev.reelforge.core.timeline.CaptionTrack;
import dev.reelforge.core.timeline.CaptionWord;
import dev.reelforge.core.timeline.Motion;
import dev.reelforge.core.timeline.MusicTrack;
import dev.reelforge.core.timeline.Overlays;
import dev.reelforge.core.timeline.Segment;
import dev.reelforge.core.timeline.Timeline;
import dev.reelforge.core.timeline.Transition;
import dev.reelforge.core.timeline.VisualClip;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Real media for render tests: detailed pictures, a voice-like signal whose words are known, and
 * music, all made here so that tests need no downloads.
 */
public final class Fixtures {

  private static final String[] WORDS =
      ("The moon is slowly drifting away from the Earth. Every year it moves about four "
              + "centimetres further out. Long ago a day lasted only a few hours! Tides are the "
              + "reason it keeps going. One day total eclipses will end forever.")
          .split(" ");

  /** When the story fixture's narration starts. */
  public static final long LEAD_IN_MILLIS = 1500;

  private Fixtures() {}

  /** A picture with gradients, shapes and fine lines (sharp, so thumbnails can rank it). */
  public static Path picture(Path file, int width, int height, long seed) throws IOException {
    Random random = new Random(seed);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    Color a = Color.getHSBColor(random.nextFloat(), 0.7f, 0.8f);
    Color b = Color.getHSBColor(random.nextFloat(), 0.8f, 0.4f);
    g.setPaint(new GradientPaint(0, 0, a, width, height, b));
    g.fillRect(0, 0, width, height);
    for (int i = 0; i < 14; i++) {
      g.setColor(Color.getHSBColor(random.nextFloat(), 0.6f, 0.95f));
      int r = 40 + random.nextInt(Math.max(1, width / 5));
      g.fillOval(random.nextInt(width), random.nextInt(height), r, r);
    }
    g.setColor(new Color(255, 255, 255, 120));
    g.setStroke(new BasicStroke(2));
    for (int x = 0; x < width; x += 48) {
      g.drawLine(x, 0, x, height);
    }
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, width / 10));
    g.setColor(Color.WHITE);
    g.drawString("#" + seed, width / 10, height / 2);
    g.dispose();
    ImageIO.write(image, "png", file.toFile());
    return file;
  }

  /** A flat picture of one colour. */
  public static Path flat(Path file, int width, int height, Color color) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(color);
    g.fillRect(0, 0, width, height);
    g.dispose();
    ImageIO.write(image, "png", file.toFile());
    return file;
  }

  /** Word timings for a narration of about {@code seconds}: 0.3 s words, pauses at sentences. */
  public static List<CaptionWord> words(double seconds) {
    return words(seconds, 300);
  }

  /** The same, with the first word at {@code leadInMillis}. */
  public static List<CaptionWord> words(double seconds, long leadInMillis) {
    List<CaptionWord> words = new ArrayList<>();
    long t = leadInMillis;
    int i = 0;
    while (t + 400 < seconds * 1000 - 300) {
      String word = WORDS[i % WORDS.length];
      long length = 180 + 30L * Math.min(8, word.length());
      words.add(new CaptionWord(word, t, t + length));
      t += length + (word.endsWith(".") || word.endsWith("!") ? 450 : 70);
      i++;
    }
    return words;
  }

  /** A voice-like signal (a buzzy 160 Hz tone with harmonics) exactly where the words are. */
  public static Path voice(Path file, double seconds, List<CaptionWord> words) throws IOException {
    return Wav.write(
        file,
        seconds,
        t -> {
          long ms = Math.round(t * 1000);
          for (CaptionWord w : words) {
            if (ms >= w.startMillis() && ms < w.endMillis()) {
              double env = Math.min(1, Math.min(ms - w.startMillis(), w.endMillis() - ms) / 20.0);
              return env
                  * 0.5
                  * (Math.sin(2 * Math.PI * 160 * t)
                      + 0.5 * Math.sin(2 * Math.PI * 320 * t)
                      + 0.3 * Math.sin(2 * Math.PI * 1000 * t));
            }
            if (w.startMillis() > ms) {
              break;
            }
          }
          return 0;
        });
  }

  /** A steady chord (A minor), so ducking shows as a level change at 220 Hz. */
  public static Path music(Path file, double seconds) throws IOException {
    return Wav.write(
        file,
        seconds,
        t ->
            0.3
                * (Math.sin(2 * Math.PI * 220 * t)
                    + 0.6 * Math.sin(2 * Math.PI * 261.63 * t)
                    + 0.5 * Math.sin(2 * Math.PI * 329.63 * t)));
  }

  /**
   * A story-like timeline of {@code seconds} in {@code segmentCount} segments over generated
   * pictures, with voice, music, captions and a hook title.
   */
  public static Timeline story(Path dir, double seconds, int segmentCount) throws IOException {
    // A second and a half of music alone before the voice, so that ducking can be measured.
    List<CaptionWord> words = words(seconds, LEAD_IN_MILLIS);
    voice(dir.resolve("voice.wav"), seconds, words);
    music(dir.resolve("music.wav"), Math.min(seconds, 12));
    long total = Math.round(seconds * 1000);
    List<Segment> segments = new ArrayList<>();
    Motion[] motions = {Motion.zoomIn(), Motion.panRight(), Motion.zoomOut(), Motion.panLeft()};
    long used = 0;
    for (int i = 0; i < segmentCount; i++) {
      long duration = i == segmentCount - 1 ? total - used : total / segmentCount;
      used += duration;
      String name = "beat-" + i + ".png";
      picture(dir.resolve(name), 1600, 1200, i + 1);
      Segment segment =
          Segment.of("beat-" + i, duration, VisualClip.image(name, motions[i % motions.length]));
      if (i > 0 && i % 2 == 0) {
        segment = segment.withTransitionIn(Transition.fadeThroughBlack(400));
      }
      segments.add(segment);
    }
    return new Timeline(
        segments,
        Optional.of(AudioTrack.of("voice.wav")),
        Optional.of(new MusicTrack("music.wav", MusicTrack.DEFAULT_GAIN_DB, 300, 1000, true)),
        CaptionTrack.of(words),
        new Overlays(
            Optional.of(new Overlays.HookTitle("Why the Moon is leaving us", 0, 2500)),
            Optional.empty()));
  }
}
