package dev.reelforge.testkit.transcribe;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Speech a stub server can hear without a recogniser: each word of a fixed {@link #VOCABULARY} is a
 * tone burst whose pitch names it (word {@code i} at {@code 400 + 40·i} Hz), in a 16 kHz mono
 * 16-bit WAV with silence between bursts. {@link #hear} finds the bursts in any WAV written this
 * way, or any piece cut from one, and names them with their times from the start of that file — so
 * a vendor stub answers with word times that come from the audio it was sent, and a client that
 * cuts long audio into pieces must add each piece's offset to get them right.
 */
public final class ToneSpeech {

  /** The words a tone can say, in pitch order. */
  public static final List<String> VOCABULARY =
      List.of(
          "the",
          "market",
          "opens",
          "at",
          "seven",
          "visitors",
          "walk",
          "along",
          "old",
          "wall",
          "by",
          "noon",
          "cafes",
          "are",
          "full",
          "and",
          "music",
          "drifts",
          "from",
          "square",
          "in",
          "evening",
          "families",
          "gather",
          "near",
          "lighthouse",
          "to",
          "see",
          "sun",
          "go",
          "down",
          "over",
          "water",
          "it",
          "is",
          "a",
          "quiet",
          "place",
          "people",
          "remember");

  public static final int SAMPLE_RATE = 16_000;
  private static final AudioFormat FORMAT = new AudioFormat(SAMPLE_RATE, 16, 1, true, false);
  private static final int BASE_HZ = 400;
  private static final int STEP_HZ = 40;
  private static final int AMPLITUDE = 8_000;
  private static final int LOUD = 2_000;
  private static final int WINDOW = SAMPLE_RATE / 100; // 10 ms

  /** A word said as a tone from {@code startMillis} to {@code endMillis}. */
  public record Word(String text, long startMillis, long endMillis) {
    public Word {
      if (!VOCABULARY.contains(text)) {
        throw new IllegalArgumentException("no tone says '" + text + "'");
      }
      if (endMillis - startMillis < 60) {
        throw new IllegalArgumentException("a word lasts at least 60 ms: " + text);
      }
    }
  }

  private ToneSpeech() {}

  /**
   * Words one after another, each {@code wordMillis} long with {@code gapMillis} between them, and
   * {@code sentenceGapMillis} after every word that ends with a period in {@code text}.
   */
  public static List<Word> words(
      String text, long firstAt, long wordMillis, long gapMillis, long sentenceGapMillis) {
    List<Word> words = new ArrayList<>();
    long at = firstAt;
    for (String token : text.strip().split("\\s+")) {
      String bare = token.replaceAll("[^a-z]", "");
      words.add(new Word(bare, at, at + wordMillis));
      at += wordMillis + (token.endsWith(".") ? sentenceGapMillis : gapMillis);
    }
    return words;
  }

  /** Writes {@code words} as tones into a WAV of {@code durationMillis}. */
  public static Path write(List<Word> words, long durationMillis, Path wav) {
    short[] samples = new short[(int) (durationMillis * SAMPLE_RATE / 1000)];
    for (Word word : words) {
      double hz = BASE_HZ + STEP_HZ * VOCABULARY.indexOf(word.text());
      int from = (int) (word.startMillis() * SAMPLE_RATE / 1000);
      int to = (int) Math.min(samples.length, word.endMillis() * SAMPLE_RATE / 1000);
      for (int i = from; i < to; i++) {
        samples[i] = (short) (AMPLITUDE * Math.sin(2 * Math.PI * hz * (i - from) / SAMPLE_RATE));
      }
    }
    byte[] pcm = new byte[samples.length * 2];
    for (int i = 0; i < samples.length; i++) {
      pcm[2 * i] = (byte) samples[i];
      pcm[2 * i + 1] = (byte) (samples[i] >> 8);
    }
    try (AudioInputStream in =
        new AudioInputStream(new ByteArrayInputStream(pcm), FORMAT, samples.length)) {
      AudioSystem.write(in, AudioFileFormat.Type.WAVE, wav.toFile());
      return wav;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file's length in milliseconds. */
  public static long durationMillis(byte[] wav) {
    return samples(wav).length * 1000L / SAMPLE_RATE;
  }

  /**
   * The words said in {@code wav} (a whole file as uploaded), times from its start, to the nearest
   * 10 ms. A burst cut by the file's edge is heard for what is left of it.
   */
  public static List<Word> hear(byte[] wav) {
    short[] samples = samples(wav);
    List<Word> heard = new ArrayList<>();
    int start = -1;
    for (int w = 0; w * WINDOW <= samples.length; w++) {
      boolean loud = w * WINDOW < samples.length && peak(samples, w * WINDOW) >= LOUD;
      if (loud && start < 0) {
        start = w * WINDOW;
      } else if (!loud && start >= 0) {
        int end = Math.min(w * WINDOW, samples.length);
        int index = (int) Math.round((pitch(samples, start, end) - BASE_HZ) / STEP_HZ);
        if (end - start >= WINDOW * 6 && index >= 0 && index < VOCABULARY.size()) {
          heard.add(
              new Word(
                  VOCABULARY.get(index), start * 1000L / SAMPLE_RATE, end * 1000L / SAMPLE_RATE));
        }
        start = -1;
      }
    }
    return heard;
  }

  private static int peak(short[] samples, int from) {
    int peak = 0;
    for (int i = from; i < Math.min(samples.length, from + WINDOW); i++) {
      peak = Math.max(peak, Math.abs(samples[i]));
    }
    return peak;
  }

  /** Rising zero crossings per second over the burst. */
  private static double pitch(short[] samples, int from, int to) {
    int crossings = 0;
    for (int i = from + 1; i < to; i++) {
      if (samples[i - 1] < 0 && samples[i] >= 0) {
        crossings++;
      }
    }
    return crossings * (double) SAMPLE_RATE / (to - from);
  }

  private static short[] samples(byte[] wav) {
    try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
      AudioFormat format = in.getFormat();
      if (format.getSampleRate() != SAMPLE_RATE
          || format.getChannels() != 1
          || format.getSampleSizeInBits() != 16) {
        throw new IllegalArgumentException("not 16 kHz mono 16-bit: " + format);
      }
      byte[] pcm = in.readAllBytes();
      short[] samples = new short[pcm.length / 2];
      for (int i = 0; i < samples.length; i++) {
        samples[i] = (short) ((pcm[2 * i + 1] << 8) | (pcm[2 * i] & 0xFF));
      }
      return samples;
    } catch (IOException | UnsupportedAudioFileException e) {
      throw new IllegalArgumentException("not a WAV file: " + e.getMessage(), e);
    }
  }
}
