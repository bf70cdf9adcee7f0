package dev.reelforge.core.process;

/**
 * Tells a supervised external process (an FFmpeg run) that the work it serves was cancelled, so
 * that it kills the process. The caller supplies the exception that reports the cancellation: this
 * package stays below the render API and the media libraries that use it and knows none of their
 * types.
 */
public interface CancelSignal {

  boolean isCancelled();

  /** A new exception that reports the cancellation to whoever started the work. */
  RuntimeException cancelledException();

  /**
   * @throws RuntimeException {@link #cancelledException()} when cancelled
   */
  default void throwIfCancelled() {
    if (isCancelled()) {
      throw cancelledException();
    }
  }
}
