package dev.reelforge.providers.transcribe;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.transcript.TranscriptWord;
import edu.cmu.sphinx.api.AbstractSpeechRecognizer;
import edu.cmu.sphinx.api.Configuration;
import edu.cmu.sphinx.api.Context;
import edu.cmu.sphinx.api.SpeechResult;
import edu.cmu.sphinx.frontend.endpoint.SpeechClassifier;
import edu.cmu.sphinx.frontend.feature.LiveCMN;
import edu.cmu.sphinx.result.WordResult;
import edu.cmu.sphinx.util.LogMath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One loaded Sphinx4 decoder (acoustic model, dictionary, language model: about 6 s to load and a
 * few hundred MB of heap), reused for every transcription it is lent to — Sphinx4's own {@code
 * StreamSpeechRecognizer} reloads the models on every {@code startRecognition}. Not thread-safe:
 * {@link Sphinx4Transcriber} lends each one to one call at a time.
 */
final class SphinxRecogniser {

  private static final String MODELS = "resource:/edu/cmu/sphinx/models/en-us/";

  /** Sphinx4's decoder with the two steps its public API only offers together. */
  private static final class Decoder extends AbstractSpeechRecognizer {
    Decoder(Context context) throws IOException {
      super(context);
    }

    void allocate() {
      recognizer.allocate();
    }

    void listen(InputStream samples) {
      freshFrontEnd();
      context.setSpeechSource(samples);
    }

    /**
     * Forgets what the front end learnt from the previous call's audio — its speech/silence
     * threshold and its running cepstral mean — so that the same audio is heard the same on a fresh
     * decoder and on one already used. The cepstral mean has no public reset: its initial window is
     * dropped by reflection, and were that field ever renamed the mean would simply keep adapting
     * (transcripts stay correct, only no longer repeatable).
     */
    private void freshFrontEnd() {
      context.getInstance(SpeechClassifier.class).initialize();
      LiveCMN mean = context.getInstance(LiveCMN.class);
      try {
        Field initialWindow = LiveCMN.class.getDeclaredField("initialList");
        initialWindow.setAccessible(true);
        initialWindow.set(mean, null);
      } catch (ReflectiveOperationException | RuntimeException e) {
        // See above: repeatability is lost, correctness is not.
      }
    }
  }

  private final Decoder decoder;

  private SphinxRecogniser(Decoder decoder) {
    this.decoder = decoder;
  }

  static SphinxRecogniser load(Sphinx4Transcriber.Accuracy accuracy) {
    return SphinxLogging.around(
        () -> {
          Path config = null;
          try {
            config = Files.createTempFile("reelforge-sphinx4-", ".config.xml");
            Files.writeString(config, configuration(accuracy), StandardCharsets.UTF_8);
            Configuration models = new Configuration();
            models.setAcousticModelPath(MODELS + "en-us");
            models.setDictionaryPath(MODELS + "cmudict-en-us.dict");
            models.setLanguageModelPath(MODELS + "en-us.lm.bin");
            models.setSampleRate(SpeechWav.SAMPLE_RATE);
            Decoder decoder = new Decoder(new Context(config.toAbsolutePath().toString(), models));
            decoder.allocate();
            return new SphinxRecogniser(decoder);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          } catch (RuntimeException e) {
            throw new ReelForgeException(
                ErrorCode.INTERNAL_ERROR, "Sphinx4 could not load its model: " + e, e);
          } finally {
            deleteQuietly(config);
          }
        });
  }

  /**
   * Sphinx4's own default configuration with the search beams of {@code accuracy} and its logging
   * quietened (it warns about a dozen words of its language model missing from its dictionary).
   */
  static String configuration(Sphinx4Transcriber.Accuracy accuracy) throws IOException {
    String xml;
    try (InputStream in = Context.class.getResourceAsStream("default.config.xml")) {
      if (in == null) {
        throw new IOException("sphinx4-core has no edu/cmu/sphinx/api/default.config.xml");
      }
      xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    xml = property(xml, "logLevel", "SEVERE");
    xml = property(xml, "absoluteBeamWidth", String.valueOf(accuracy.absoluteBeamWidth()));
    xml = property(xml, "absoluteWordBeamWidth", String.valueOf(accuracy.absoluteWordBeamWidth()));
    return property(xml, "relativeBeamWidth", accuracy.relativeBeamWidth());
  }

  private static String property(String xml, String name, String value) {
    String pattern = "(<property name=\"" + name + "\"\\s+value=\")[^\"]*(\"/>)";
    String replaced = xml.replaceFirst(pattern, "$1" + value + "$2");
    if (replaced.equals(xml) && !xml.contains("value=\"" + value + "\"")) {
      throw new IllegalStateException("Sphinx4's configuration has no property " + name);
    }
    return replaced;
  }

  /**
   * Hears {@code samples} (16 kHz mono 16-bit PCM, no header) utterance by utterance, handing each
   * utterance's words (fillers and silences left out) to {@code utterance} as soon as it is
   * decoded. Times are from the start of {@code samples}.
   */
  void recognise(InputStream samples, Consumer<List<TranscriptWord>> utterance) {
    decoder.listen(samples);
    SpeechResult result;
    while ((result = decoder.getResult()) != null) {
      if (Thread.currentThread().isInterrupted()) {
        throw new ReelForgeException(
            ErrorCode.SERVICE_UNAVAILABLE, "the transcription was interrupted");
      }
      List<TranscriptWord> words = new ArrayList<>();
      for (WordResult word : result.getWords()) {
        String spelling = word.getWord().getSpelling();
        if (word.isFiller() || !isWord(spelling)) {
          continue;
        }
        long start = word.getTimeFrame().getStart();
        long end = Math.max(start, word.getTimeFrame().getEnd());
        words.add(new TranscriptWord(spelling, start, end, confidence(word)));
      }
      utterance.accept(words);
    }
  }

  /**
   * {@code <s>}, {@code </s>}, {@code <sil>}, {@code [NOISE]}, {@code ++BREATH++} are not words.
   */
  static boolean isWord(String spelling) {
    return !spelling.isBlank()
        && !spelling.startsWith("<")
        && !spelling.startsWith("[")
        && !spelling.startsWith("++")
        && spelling.codePoints().anyMatch(Character::isLetterOrDigit);
  }

  /**
   * Sphinx4 reports a word's confidence in its log domain; as a probability it is at most 1 (a best
   * path without a lattice posterior reads 0 in the log domain, i.e. 1).
   */
  private static double confidence(WordResult word) {
    double linear = LogMath.getLogMath().logToLinear((float) word.getConfidence());
    return Double.isFinite(linear) ? Math.clamp(linear, 0.0, 1.0) : 0.0;
  }

  private static void deleteQuietly(Path path) {
    if (path == null) {
      return;
    }
    try {
      Files.deleteIfExists(path);
    } catch (IOException ignored) {
      // A leftover configuration file in the temporary folder holds no secret and no data.
    }
  }
}
