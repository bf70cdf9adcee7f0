package dev.reelforge.story;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.jobs.api.StageCancelledException;
import dev.reelforge.core.speech.SpeechRequest;
import dev.reelforge.core.speech.SpeechSynthesizer;
import dev.reelforge.core.speech.SynthesizedSpeech;
import dev.reelforge.core.speech.WordTiming;
import dev.reelforge.core.speech.WrittenWords;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * The narration made beat by beat: each beat is synthesised on its own and kept under a hash of its
 * text, voice and engine, then the beats are joined with a short pause. Editing one beat and
 * finalizing again synthesises that beat only; every other beat's audio and word times are reused
 * exactly, so their video segments are unchanged too and come from the render cache. The engine
 * times the words it spoke; the captions get the author's words back ({@link WrittenWords}).
 */
public final class BeatNarration {

  /** The pause between two beats: a breath, and where the cut between their visuals falls. */
  public static final long GAP_MILLIS = 300;

  /**
   * The joined narration.
   *
   * @param words the author's words (not the engine's spelling: "3.8 cm", not "three point eight
   *     centimetres"), each timed over its spoken words, on the joined audio's clock
   * @param spokenText what the engine was given to say, beats joined by spaces
   * @param wordsPerBeat how many of {@code words} each beat has
   * @param synthesised how many beats were synthesised rather than read from the cache
   */
  public record Spoken(
      List<WordTiming> words,
      long durationMillis,
      String spokenText,
      String engine,
      List<Integer> wordsPerBeat,
      int synthesised) {}

  private record BeatVoice(
      List<WordTiming> words, long durationMillis, String spokenText, String engine) {}

  private BeatNarration() {}

  /**
   * Narrates {@code beats} into {@code target}, keeping each beat's audio in {@code cacheDir}.
   *
   * @param cancelled checked between beats
   */
  public static Spoken speak(
      SpeechSynthesizer speech,
      List<String> beats,
      Optional<String> voice,
      Path cacheDir,
      Path target,
      BooleanSupplier cancelled) {
    List<BeatVoice> voices = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    int synthesised = 0;
    for (String beat : beats) {
      if (cancelled.getAsBoolean()) {
        throw new StageCancelledException();
      }
      String key = key(speech.name(), voice.orElse(""), beat);
      Path audio = cacheDir.resolve(key + ".wav");
      Checkpoints cache = new Checkpoints(cacheDir);
      Optional<BeatVoice> cached =
          cache.read(key, BeatVoice.class).filter(v -> Files.isRegularFile(audio));
      BeatVoice spoken;
      if (cached.isPresent()) {
        spoken = cached.get();
      } else {
        SynthesizedSpeech made =
            speech.synthesize(
                new SpeechRequest(beat, voice, 1.0, 0),
                // Unique: the session's narrate route and a run may narrate the same beat at once.
                cacheDir.resolve(key + "." + UUID.randomUUID() + ".part.wav"));
        WorkFiles.move(made.audio(), audio);
        spoken =
            new BeatVoice(made.words(), made.durationMillis(), made.spokenText(), made.engine());
        cache.write(key, spoken);
        synthesised++;
      }
      voices.add(spoken);
      files.add(audio);
    }
    long[] starts = join(files, target);
    List<WordTiming> words = new ArrayList<>();
    List<Integer> perBeat = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (int b = 0; b < voices.size(); b++) {
      BeatVoice beat = voices.get(b);
      long offset = starts[b];
      // Mapped on every read, not stored: beats cached before captions showed written words
      // still hold the engine's words, and are shown as written all the same.
      List<WordTiming> written = WrittenWords.of(beats.get(b), beat.words());
      for (WordTiming w : written) {
        words.add(new WordTiming(w.text(), w.startMillis() + offset, w.endMillis() + offset));
      }
      perBeat.add(written.size());
      text.append(b == 0 ? "" : " ").append(beat.spokenText());
    }
    long duration = starts[starts.length - 1];
    return new Spoken(
        words,
        duration,
        text.toString(),
        voices.isEmpty() ? speech.name() : voices.getFirst().engine(),
        perBeat,
        synthesised);
  }

  /**
   * Joins the WAV files with {@link #GAP_MILLIS} of silence between them.
   *
   * @return where each file starts in the result, in milliseconds, and the total length last
   */
  static long[] join(List<Path> files, Path target) {
    try {
      AudioFormat format = null;
      ByteArrayOutputStream pcm = new ByteArrayOutputStream();
      long[] starts = new long[files.size() + 1];
      for (int i = 0; i < files.size(); i++) {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(files.get(i).toFile())) {
          AudioInputStream stream = in;
          if (format == null) {
            format = in.getFormat();
          } else if (!in.getFormat().matches(format)) {
            stream = AudioSystem.getAudioInputStream(format, in);
          }
          if (i > 0) {
            pcm.write(new byte[frames(format, GAP_MILLIS) * format.getFrameSize()]);
          }
          starts[i] = millis(format, pcm.size());
          stream.transferTo(pcm);
        }
      }
      starts[files.size()] = format == null ? 0 : millis(format, pcm.size());
      if (format != null) {
        byte[] bytes = pcm.toByteArray();
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), ".voice-", ".part");
        try (AudioInputStream joined =
            new AudioInputStream(
                new ByteArrayInputStream(bytes), format, bytes.length / format.getFrameSize())) {
          AudioSystem.write(joined, AudioFileFormat.Type.WAVE, temp.toFile());
        }
        WorkFiles.move(temp, target);
      }
      return starts;
    } catch (UnsupportedAudioFileException e) {
      throw new ReelForgeException(
          ErrorCode.TTS_FAILED, "the speech engine wrote audio that is not WAV", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int frames(AudioFormat format, long millis) {
    return (int) Math.round(format.getFrameRate() * millis / 1000.0);
  }

  private static long millis(AudioFormat format, long bytes) {
    return Math.round(bytes / (double) format.getFrameSize() * 1000.0 / format.getFrameRate());
  }

  private static String key(String engine, String voice, String text) {
    return "beat-" + WorkFiles.key(engine + "\n" + voice + "\n" + text, 12);
  }
}
