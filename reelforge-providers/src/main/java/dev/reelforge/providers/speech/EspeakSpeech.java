package dev.reelforge.providers.speech;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.speech.SpeechRequest;
import dev.reelforge.core.speech.SpeechSynthesizer;
import dev.reelforge.core.speech.SynthesizedSpeech;
import dev.reelforge.core.speech.TextNormalizer;
import dev.reelforge.core.speech.Voice;
import dev.reelforge.core.speech.WordTiming;
import dev.reelforge.providers.tools.LocalTool;
import dev.reelforge.providers.tools.ScratchDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * The espeak-ng speech engine, run as a child process when installed and selected; its voices cover
 * about a hundred languages ({@code espeak-ng --voices}), which is why it is here. English text is
 * normalised as for every engine; other languages only lose emoji and pictographs, since espeak-ng
 * reads numbers in the voice's own language. espeak-ng reports no word times, so they are placed
 * from the audio's voiced regions ({@link VoicedTimings}): pauses between sentences are where the
 * audio is silent, words inside a phrase are estimates. Rate maps onto words per minute (175 =
 * normal) and pitch onto espeak's 0–99 scale, about four steps per semitone.
 */
public final class EspeakSpeech implements SpeechSynthesizer {

  public static final String NAME = "espeak-ng";
  public static final String DEFAULT_VOICE = "en-us";
  public static final String INSTALL_HINT = "apt-get install espeak-ng";

  private static final Pattern VOICE = Pattern.compile("[A-Za-z0-9_+\\-/]{1,40}");
  private static final int NORMAL_WORDS_PER_MINUTE = 175;

  private final LocalTool espeak;
  private List<Voice> voices;

  public EspeakSpeech() {
    this(LocalTool.onPath("espeak-ng"));
  }

  EspeakSpeech(LocalTool espeak) {
    this.espeak = espeak;
  }

  @Override
  public String name() {
    return NAME;
  }

  public boolean installed() {
    return espeak.installed();
  }

  @Override
  public SynthesizedSpeech synthesize(SpeechRequest request, Path output) {
    String voice = request.voice().orElse(DEFAULT_VOICE);
    if (!VOICE.matcher(voice).matches()) {
      throw ReelForgeException.invalidField(
          "voice", "espeak-ng voices are language codes like en-us, de or pt-br");
    }
    boolean english = voice.toLowerCase(Locale.ROOT).startsWith("en");
    String spoken =
        english ? TextNormalizer.normalize(request.text()) : TextNormalizer.clean(request.text());
    if (spoken.isBlank()) {
      throw ReelForgeException.invalidField(
          "text", "has nothing to say once emoji and symbols are removed");
    }
    if (!espeak.installed()) {
      throw new ReelForgeException(
          ErrorCode.TTS_FAILED, "espeak-ng is not installed; " + INSTALL_HINT);
    }
    try (ScratchDirectory work = ScratchDirectory.beside(output, "espeak")) {
      Path wav = work.resolve("speech.wav");
      espeak.run(
          List.of(
              "-v",
              voice,
              "-s",
              Integer.toString(wordsPerMinute(request.rate())),
              "-p",
              Integer.toString(pitch(request.pitchSemitones())),
              "-w",
              wav.toString(),
              "--stdin"),
          Optional.of(spoken),
          Duration.ofSeconds(30 + spoken.length() / 50));
      List<WordTiming> words = timings(wav, spoken);
      long durationMillis = SpeechFiles.moveWav(wav, output);
      return new SynthesizedSpeech(
          output,
          durationMillis,
          MaryTimings.within(words, durationMillis),
          spoken,
          NAME + "/" + voice);
    } catch (LocalTool.ToolFailure | IllegalArgumentException e) {
      throw new ReelForgeException(
          ErrorCode.TTS_FAILED, "espeak-ng could not speak the text: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static int wordsPerMinute(double rate) {
    return (int) Math.round(Math.clamp(NORMAL_WORDS_PER_MINUTE * rate, 80, 450));
  }

  static int pitch(double semitones) {
    return (int) Math.round(Math.clamp(50 + semitones * 4, 0, 99));
  }

  private static List<WordTiming> timings(Path wav, String spoken) throws IOException {
    try (AudioInputStream audio = AudioSystem.getAudioInputStream(wav.toFile())) {
      if (audio.getFormat().getSampleSizeInBits() != 16
          || audio.getFormat().getChannels() != 1
          || audio.getFormat().isBigEndian()) {
        throw new IllegalArgumentException("unexpected audio format " + audio.getFormat());
      }
      byte[] pcm = audio.readAllBytes();
      List<String> words =
          List.of(spoken.split("\\s+")).stream()
              .filter(w -> !EngineWords.letters(w).isEmpty())
              .toList();
      return VoicedTimings.estimate(pcm, (int) audio.getFormat().getSampleRate(), words);
    } catch (UnsupportedAudioFileException e) {
      throw new IllegalArgumentException("espeak-ng wrote no WAV audio", e);
    }
  }

  /**
   * The voices {@code espeak-ng --voices} lists (one per language and accent), read once: the
   * installed set does not change while the process runs.
   */
  @Override
  public synchronized List<Voice> voices() {
    if (voices == null) {
      voices =
          installed()
              ? EspeakVoices.parse(
                  espeak.run(List.of("--voices"), Optional.empty(), Duration.ofSeconds(20)))
              : List.of();
    }
    return voices;
  }
}
