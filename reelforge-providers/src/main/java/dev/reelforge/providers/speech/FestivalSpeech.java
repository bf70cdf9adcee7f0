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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Festival speech engine (Debian {@code festival} with the {@code festvox-us-slt-hts} voice),
 * run as a child process when installed and selected. Festival reports where every word starts and
 * ends in the utterance it synthesised, so word times are the engine's own, exact ones. Rate is
 * applied (HTS voices through the engine's speed factor, others by stretching durations); this
 * Festival ignores pitch for HTS voices.
 */
public final class FestivalSpeech implements SpeechSynthesizer {

  public static final String NAME = "festival";
  public static final String DEFAULT_VOICE = "cmu_us_slt_arctic_hts";
  public static final String INSTALL_HINT = "apt-get install festival festvox-us-slt-hts";

  private static final Pattern VOICE = Pattern.compile("[a-z0-9_]{1,64}");

  private final LocalTool festival;
  private List<Voice> voices;

  public FestivalSpeech() {
    this(LocalTool.onPath("festival"));
  }

  FestivalSpeech(LocalTool festival) {
    this.festival = festival;
  }

  @Override
  public String name() {
    return NAME;
  }

  public boolean installed() {
    return festival.installed();
  }

  @Override
  public SynthesizedSpeech synthesize(SpeechRequest request, Path output) {
    String spoken = TextNormalizer.normalize(request.text());
    if (spoken.isBlank()) {
      throw ReelForgeException.invalidField(
          "text", "has nothing to say once emoji and symbols are removed");
    }
    String voice = request.voice().orElse(DEFAULT_VOICE);
    if (!VOICE.matcher(voice).matches()) {
      throw ReelForgeException.invalidField(
          "voice", "festival voices are named like " + DEFAULT_VOICE);
    }
    if (!festival.installed()) {
      throw new ReelForgeException(
          ErrorCode.TTS_FAILED, "festival is not installed; " + INSTALL_HINT);
    }
    try (ScratchDirectory work = ScratchDirectory.beside(output, "festival")) {
      Path wav = work.resolve("speech.wav");
      Path script = work.resolve("say.scm");
      Files.writeString(script, script(spoken, voice, request.rate(), wav), StandardCharsets.UTF_8);
      String report =
          festival.run(
              List.of("-b", script.toString()),
              Optional.empty(),
              Duration.ofSeconds(60 + spoken.length() / 20));
      List<WordTiming> engineWords = words(report);
      long durationMillis = SpeechFiles.moveWav(wav, output);
      return new SynthesizedSpeech(
          output,
          durationMillis,
          MaryTimings.within(EngineWords.onText(spoken, engineWords), durationMillis),
          spoken,
          NAME + "/" + voice);
    } catch (LocalTool.ToolFailure | IllegalArgumentException e) {
      throw new ReelForgeException(
          ErrorCode.TTS_FAILED, "festival could not speak the text: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A Scheme program that selects the voice, sets the rate, synthesises the text, saves the audio
   * and prints one {@code W<tab>word<tab>start<tab>end} line per word (seconds).
   */
  static String script(String text, String voice, double rate, Path wav) {
    return String.format(
        Locale.ROOT,
        """
        (voice_%s)
        (Parameter.set 'Duration_Stretch %.4f)
        (if (boundp 'hts_engine_params)
            (set! hts_engine_params (append hts_engine_params (list '("-r" %.4f)))))
        (set! utt (utt.synth (Utterance Text %s)))
        (utt.save.wave utt %s 'riff)
        (mapcar
          (lambda (w)
            (format t "W\\t%%s\\t%%f\\t%%f\\n"
              (item.name w) (item.feat w "word_start") (item.feat w "word_end")))
          (utt.relation.items utt 'Word))
        """,
        voice,
        1 / rate,
        rate,
        quoted(text),
        quoted(wav.toString()));
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  static List<WordTiming> words(String report) {
    List<WordTiming> words = new ArrayList<>();
    for (String line : report.split("\n")) {
      String[] fields = line.split("\t");
      if (fields.length == 4 && fields[0].equals("W")) {
        long start = Math.round(Double.parseDouble(fields[2]) * 1000);
        long end = Math.round(Double.parseDouble(fields[3]) * 1000);
        words.add(new WordTiming(fields[1], start, Math.max(start, end)));
      }
    }
    return words;
  }

  /**
   * The voices Festival says it has ({@code (voice.list)}), read once: the installed set does not
   * change while the process runs. The one Debian's {@code festvox-us-slt-hts} installs gets its
   * human name; others are named as Festival names them.
   */
  @Override
  public synchronized List<Voice> voices() {
    if (voices == null) {
      voices = installed() ? listed() : List.of();
    }
    return voices;
  }

  private List<Voice> listed() {
    String answer;
    try {
      answer =
          festival.run(
              List.of("--pipe"), Optional.of("(print (voice.list))\n"), Duration.ofSeconds(20));
    } catch (LocalTool.ToolFailure e) {
      // Could not ask: any name is then tried (and refused by Festival if it has no such voice).
      return List.of();
    }
    List<Voice> found = new ArrayList<>();
    for (String name : answer.replaceAll("[()]", " ").strip().split("\\s+")) {
      if (VOICE.matcher(name).matches()) {
        found.add(
            name.equals(DEFAULT_VOICE)
                ? new Voice(NAME, name, "en-US", "SLT, US English (female)")
                : new Voice(NAME, name, "", name.replace('_', ' ')));
      }
    }
    return List.copyOf(found);
  }
}
