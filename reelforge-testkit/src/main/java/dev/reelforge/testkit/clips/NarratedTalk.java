package dev.reelforge.testkit.clips;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * A known text spoken by Festival ({@link FestivalNarration}) one sentence at a time, with a pause
 * between sentences, so that where every sentence starts and ends is known to the millisecond: the
 * sound track of an end-to-end clips fixture, and its SRT (one cue per sentence, from its first
 * sound to its last).
 *
 * @param wav 16 kHz mono 16-bit speech, with a faint noise floor (as every microphone has)
 * @param durationMillis its length
 * @param sentences what was said and when
 */
public record NarratedTalk(Path wav, long durationMillis, List<Sentence> sentences) {

  public static final int SAMPLE_RATE = 16_000;

  /** The pause between sentences. */
  public static final long PAUSE_MILLIS = 700;

  /** A sample above this counts as sound when a sentence's spoken part is found. */
  private static final int SOUND_LEVEL = 400;

  /** One sentence and when it is heard. */
  public record Sentence(String text, long startMillis, long endMillis) {}

  public NarratedTalk {
    sentences = List.copyOf(sentences);
  }

  /** Whether Festival and FFmpeg are installed (tests skip otherwise). */
  public static boolean available() {
    return FestivalNarration.available() && Tools.onPath("ffmpeg");
  }

  /** The known text of about two minutes spoken: 30 sentences about a town's market. */
  public static List<String> sampleText() {
    try (InputStream in = NarratedTalk.class.getResourceAsStream("talk.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(s -> !s.isEmpty())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The sample text spoken once (about two minutes). */
  public static NarratedTalk sample(Path dir) {
    return narrate(sampleText(), 0, dir);
  }

  /**
   * The sentences spoken in order; with {@code minMillis} above 0, starting over from the first
   * until at least that much is spoken. A sentence said again is synthesised once.
   */
  public static NarratedTalk narrate(List<String> text, long minMillis, Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, short[]> spoken = new HashMap<>();
    List<short[]> parts = new ArrayList<>();
    List<Sentence> sentences = new ArrayList<>();
    long samples = 0;
    int pause = (int) (PAUSE_MILLIS * SAMPLE_RATE / 1000);
    int i = 0;
    do {
      String sentence = text.get(i % text.size());
      short[] voice = spoken.computeIfAbsent(sentence, s -> speak(s, dir));
      short[] lead = new short[i == 0 ? pause / 2 : pause];
      parts.add(lead);
      samples += lead.length;
      sentences.add(
          new Sentence(
              sentence,
              samples * 1000 / SAMPLE_RATE,
              (samples + voice.length) * 1000 / SAMPLE_RATE));
      parts.add(voice);
      samples += voice.length;
      i++;
    } while (minMillis <= 0 ? i < text.size() : samples * 1000 / SAMPLE_RATE < minMillis);
    parts.add(new short[pause]);
    samples += pause;
    short[] all = new short[(int) samples];
    int at = 0;
    for (short[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    dither(all);
    Path wav = dir.resolve("narration.wav");
    Wav.write(wav, all, SAMPLE_RATE);
    return new NarratedTalk(wav, samples * 1000 / SAMPLE_RATE, sentences);
  }

  /** Everything said, sentences joined by spaces. */
  public String text() {
    return sentences.stream().map(Sentence::text).collect(Collectors.joining(" "));
  }

  /** One SRT cue per sentence, from its first sound to its last. */
  public String srt() {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < sentences.size(); i++) {
      Sentence s = sentences.get(i);
      out.append(i + 1)
          .append('\n')
          .append(time(s.startMillis()))
          .append(" --> ")
          .append(time(s.endMillis()))
          .append('\n')
          .append(s.text())
          .append("\n\n");
    }
    return out.toString();
  }

  /** Writes {@link #srt()} to a file. */
  public Path writeSrt(Path file) {
    try {
      return Files.writeString(file, srt(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String time(long millis) {
    return String.format(
        Locale.ROOT,
        "%02d:%02d:%02d,%03d",
        millis / 3_600_000,
        millis / 60_000 % 60,
        millis / 1000 % 60,
        millis % 1000);
  }

  /** One sentence, its leading and trailing silence cut off. */
  private static short[] speak(String sentence, Path dir) {
    try {
      Path wav = Files.createTempFile(dir, "sentence-", ".wav");
      FestivalNarration.narrate(sentence, wav);
      short[] samples = Wav.decode("ffmpeg", wav, SAMPLE_RATE, dir);
      Files.delete(wav);
      int first = 0;
      while (first < samples.length && Math.abs(samples[first]) < SOUND_LEVEL) {
        first++;
      }
      int last = samples.length - 1;
      while (last > first && Math.abs(samples[last]) < SOUND_LEVEL) {
        last--;
      }
      return Arrays.copyOfRange(samples, first, last + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A faint noise floor: digital silence is not what a recogniser meets, and Sphinx4's front end
   * mistakes it for speech.
   */
  private static void dither(short[] samples) {
    Random noise = new Random(28);
    for (int i = 0; i < samples.length; i++) {
      samples[i] =
          (short) Math.clamp(samples[i] + noise.nextInt(-24, 25), Short.MIN_VALUE, Short.MAX_VALUE);
    }
  }
}
