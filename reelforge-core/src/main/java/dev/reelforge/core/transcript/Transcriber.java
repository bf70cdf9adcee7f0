package dev.reelforge.core.transcript;

/**
 * Speech to text with word times. The offline default runs in the JVM (Sphinx4's US English model);
 * cloud adapters send the audio to a vendor. Registered by name and version in the model registry
 * and warmed up when a worker starts.
 */
public interface Transcriber {

  /** Stable name reported with every transcript, e.g. {@code sphinx4}. */
  String name();

  /** The model's version, e.g. {@code en-us-5.2} or {@code whisper-1}. */
  String version();

  /** Loads the model so the first transcription does not pay for it. Idempotent. */
  default void warmUp() {}

  /**
   * Transcribes the audio, reporting progress as it goes.
   *
   * @throws dev.reelforge.core.error.ReelForgeException with the taxonomy's code when the vendor or
   *     the engine fails
   */
  Transcript transcribe(TranscriptionRequest request, TranscriptionProgress progress);

  /** How far a transcription has come. */
  @FunctionalInterface
  interface TranscriptionProgress {
    TranscriptionProgress NONE = millis -> {};

    /** The audio up to {@code millis} is transcribed. */
    void reached(long millis);
  }
}
