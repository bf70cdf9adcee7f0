package dev.reelforge.providers.transcribe;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.transcript.Transcriber;
import dev.reelforge.core.transcript.Transcript;
import dev.reelforge.core.transcript.TranscriptSource;
import dev.reelforge.core.transcript.TranscriptWord;
import dev.reelforge.core.transcript.TranscriptionRequest;
import dev.reelforge.providers.tools.LocalTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Debian's {@code pocketsphinx} ({@code apt-get install pocketsphinx pocketsphinx-en-us}): the C
 * decoder of the same US English model as Sphinx4, run as {@code pocketsphinx_continuous -infile
 * audio.wav -time yes}, whose report is one hypothesis line per utterance followed by one {@code
 * word start end probability} line per word (seconds). Faster than Sphinx4 in the JVM and with the
 * same want of punctuation, which {@link PausePunctuation} supplies.
 */
public final class PocketsphinxTranscriber implements Transcriber {

  public static final String NAME = "pocketsphinx";
  public static final String PROGRAM = "pocketsphinx_continuous";
  public static final String INSTALL_HINT = "apt-get install pocketsphinx pocketsphinx-en-us";

  /** Where {@code pocketsphinx-en-us} puts the model. */
  static final Path MODEL = Path.of("/usr/share/pocketsphinx/model/en-us");

  private static final Pattern ALTERNATIVE_PRONUNCIATION = Pattern.compile("\\(\\d+\\)$");

  private final LocalTool program;
  private final Path model;

  public PocketsphinxTranscriber() {
    this(LocalTool.onPath(PROGRAM), MODEL);
  }

  PocketsphinxTranscriber(LocalTool program, Path model) {
    this.program = program;
    this.model = model;
  }

  /** Whether the program and its US English model are installed. */
  public boolean installed() {
    return program.installed() && Files.isDirectory(model.resolve("en-us"));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String version() {
    return "pocketsphinx-5prealpha/en-us";
  }

  @Override
  public Transcript transcribe(TranscriptionRequest request, TranscriptionProgress progress) {
    if (!request.language().toLowerCase(Locale.ROOT).startsWith("en")) {
      throw ReelForgeException.invalidField(
          "language", "pocketsphinx hears US English only, not " + request.language());
    }
    if (!installed()) {
      throw new ReelForgeException(
          ErrorCode.SERVICE_UNAVAILABLE,
          "pocketsphinx is not installed; " + INSTALL_HINT,
          false,
          List.of(),
          null);
    }
    long durationMillis = SpeechWav.durationMillis(request.audio());
    String report;
    try {
      report =
          program.run(
              List.of(
                  "-infile", request.audio().toString(),
                  "-time", "yes",
                  "-logfn", "/dev/null",
                  "-hmm", model.resolve("en-us").toString(),
                  "-lm", model.resolve("en-us.lm.bin").toString(),
                  "-dict", model.resolve("cmudict-en-us.dict").toString()),
              Optional.empty(),
              // The C decoder runs well under real time; three times the audio is a wedged run.
              Duration.ofMillis(60_000 + 3 * durationMillis));
    } catch (LocalTool.ToolFailure e) {
      throw new ReelForgeException(
          ErrorCode.INTERNAL_ERROR, "pocketsphinx could not transcribe: " + e.getMessage(), e);
    }
    List<TranscriptWord> words = words(report);
    progress.reached(durationMillis);
    return new Transcript(
        PausePunctuation.apply(words),
        request.language(),
        new TranscriptSource(NAME, version(), false));
  }

  /** The word lines of a {@code -time yes} report, fillers and silences left out. */
  static List<TranscriptWord> words(String report) {
    List<TranscriptWord> words = new ArrayList<>();
    for (String line : report.split("\n")) {
      String[] fields = line.strip().split("\\s+");
      if (fields.length != 4 || !number(fields[1]) || !number(fields[2]) || !number(fields[3])) {
        continue; // a hypothesis line, or a blank one
      }
      String word = ALTERNATIVE_PRONUNCIATION.matcher(fields[0]).replaceFirst("");
      if (!SphinxRecogniser.isWord(word)) {
        continue;
      }
      long start = Math.round(Double.parseDouble(fields[1]) * 1000);
      long end = Math.max(start, Math.round(Double.parseDouble(fields[2]) * 1000));
      // Its probability rounds slightly above 1 at times (1.000901).
      double confidence = Math.clamp(Double.parseDouble(fields[3]), 0.0, 1.0);
      words.add(new TranscriptWord(word, start, end, confidence));
    }
    return words;
  }

  private static boolean number(String text) {
    try {
      Double.parseDouble(text);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
