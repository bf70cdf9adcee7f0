package dev.reelforge.providers.transcribe;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.transcript.Transcriber;
import dev.reelforge.core.transcript.Transcript;
import dev.reelforge.core.transcript.TranscriptSource;
import dev.reelforge.core.transcript.TranscriptWord;
import dev.reelforge.core.transcript.TranscriptionRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.LinkedBlockingQueue;
import javax.sound.sampled.AudioInputStream;

/**
 * The offline default transcriber: CMU Sphinx4 with its US English model, in the JVM, no network.
 * Sphinx4 writes no punctuation; {@link PausePunctuation} ends a sentence at every pause of 700 ms
 * or more and at the end, so that sentence detection downstream has periods to find.
 *
 * <p>Loading a decoder takes seconds; each is loaded once and lent to one call at a time. At most
 * {@code decoders} calls run at once (each decodes on its own thread and holds its own models);
 * further calls wait for a decoder to come back. {@link #warmUp()} loads the first.
 */
public final class Sphinx4Transcriber implements Transcriber {

  public static final String NAME = "sphinx4";

  /** The artifact's version and the model it ships. */
  public static final String MODEL = "sphinx4-1.0.0/en-us";

  /**
   * How widely the decoder searches: wider hears more accurately and costs more time. Measured on
   * 23 s of Festival narration of a 70-word paragraph on this project's 2-core machine
   * (Sphinx4NarrationMeasurementTest): FAST, word error rate 0.50 at 0.44× real time; BALANCED,
   * 0.24 at 0.63×; ACCURATE (Sphinx4's own defaults), 0.17 at 3.3×.
   */
  public enum Accuracy {
    FAST(1000, 10, "1e-45"),
    BALANCED(2000, 20, "1e-60"),
    ACCURATE(20000, 200, "1e-60");

    private final int absoluteBeamWidth;
    private final int absoluteWordBeamWidth;
    private final String relativeBeamWidth;

    Accuracy(int absoluteBeamWidth, int absoluteWordBeamWidth, String relativeBeamWidth) {
      this.absoluteBeamWidth = absoluteBeamWidth;
      this.absoluteWordBeamWidth = absoluteWordBeamWidth;
      this.relativeBeamWidth = relativeBeamWidth;
    }

    int absoluteBeamWidth() {
      return absoluteBeamWidth;
    }

    int absoluteWordBeamWidth() {
      return absoluteWordBeamWidth;
    }

    String relativeBeamWidth() {
      return relativeBeamWidth;
    }
  }

  private final Accuracy accuracy;
  private final int decoders;
  private final LinkedBlockingQueue<SphinxRecogniser> idle = new LinkedBlockingQueue<>();
  private int loaded; // guarded by this
  private volatile Duration lastLoad = Duration.ZERO;

  /** {@link Accuracy#BALANCED}, one decoder. */
  public Sphinx4Transcriber() {
    this(Accuracy.BALANCED, 1);
  }

  /**
   * @param decoders how many transcriptions may run at once (each loads its own models)
   */
  public Sphinx4Transcriber(Accuracy accuracy, int decoders) {
    if (decoders < 1) {
      throw new IllegalArgumentException("at least one decoder, was " + decoders);
    }
    this.accuracy = java.util.Objects.requireNonNull(accuracy, "accuracy");
    this.decoders = decoders;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String version() {
    return MODEL + "/" + accuracy.name().toLowerCase(Locale.ROOT);
  }

  /** Loads one decoder unless one is loaded already. */
  @Override
  public void warmUp() {
    synchronized (this) {
      if (loaded > 0) {
        return;
      }
      loaded++;
    }
    idle.add(loadCounted());
  }

  /** How many decoders are loaded now (idle or lent). */
  public synchronized int decodersLoaded() {
    return loaded;
  }

  /** How long the most recent decoder took to load (zero before the first). */
  public Duration lastLoadTime() {
    return lastLoad;
  }

  @Override
  public Transcript transcribe(TranscriptionRequest request, TranscriptionProgress progress) {
    if (!request.language().toLowerCase(Locale.ROOT).startsWith("en")) {
      throw ReelForgeException.invalidField(
          "language", "sphinx4 hears US English only, not " + request.language());
    }
    List<TranscriptWord> words = new ArrayList<>();
    SphinxRecogniser decoder = borrow();
    boolean healthy = false;
    try (AudioInputStream samples = SpeechWav.open(request.audio())) {
      decoder.recognise(
          samples,
          utterance -> {
            words.addAll(utterance);
            if (!utterance.isEmpty()) {
              progress.reached(utterance.getLast().endMillis());
            }
          });
      healthy = true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      giveBack(decoder, healthy);
    }
    progress.reached(request.durationMillis());
    return new Transcript(
        PausePunctuation.apply(words),
        request.language(),
        new TranscriptSource(NAME, version(), false));
  }

  private SphinxRecogniser borrow() {
    SphinxRecogniser ready = idle.poll();
    if (ready != null) {
      return ready;
    }
    boolean mayLoad;
    synchronized (this) {
      mayLoad = loaded < decoders;
      if (mayLoad) {
        loaded++;
      }
    }
    if (mayLoad) {
      return loadCounted();
    }
    try {
      return idle.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ReelForgeException(
          ErrorCode.SERVICE_UNAVAILABLE, "interrupted waiting for a Sphinx4 decoder");
    }
  }

  /** Loads outside the lock; a failed load gives its place back. */
  private SphinxRecogniser loadCounted() {
    try {
      return load();
    } catch (RuntimeException e) {
      synchronized (this) {
        loaded--;
      }
      throw e;
    }
  }

  private SphinxRecogniser load() {
    long started = System.nanoTime();
    SphinxRecogniser decoder = SphinxRecogniser.load(accuracy);
    lastLoad = Duration.ofNanos(System.nanoTime() - started);
    return decoder;
  }

  /** A decoder that failed mid-stream may hold half an utterance: it is dropped, not reused. */
  private void giveBack(SphinxRecogniser decoder, boolean healthy) {
    if (healthy) {
      idle.add(decoder);
    } else {
      synchronized (this) {
        loaded--;
      }
    }
  }

  @Override
  public String toString() {
    return "Sphinx4Transcriber[" + version() + ", " + decoders + " decoder(s)]";
  }
}
