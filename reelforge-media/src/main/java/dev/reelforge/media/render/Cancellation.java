package dev.reelforge.media.render;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lets whoever started a render stop it. The renderer checks it between steps and while FFmpeg
 * runs; a cancelled render kills FFmpeg and removes its temporary files.
 */
public final class Cancellation {

  private final AtomicBoolean cancelled = new AtomicBoolean();

  /** A cancellation nobody will trigger. */
  public static Cancellation none() {
    return new Cancellation();
  }

  public void cancel() {
    cancelled.set(true);
  }

  public boolean isCancelled() {
    return cancelled.get() || Thread.currentThread().isInterrupted();
  }

  /**
   * @throws RenderCancelledException when cancelled
   */
  public void throwIfCancelled() {
    if (isCancelled()) {
      throw new RenderCancelledException();
    }
  }
}
