package dev.reelforge.core.render;

import dev.reelforge.core.process.CancelSignal;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lets whoever started a render stop it. The renderer checks it between steps and while FFmpeg
 * runs; a cancelled render kills FFmpeg and removes its temporary files.
 */
public final class Cancellation implements CancelSignal {

  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final Cancellation parent;

  public Cancellation() {
    this(null);
  }

  private Cancellation(Cancellation parent) {
    this.parent = parent;
  }

  /** A cancellation that is cancelled with this one, and can also be cancelled on its own. */
  public Cancellation child() {
    return new Cancellation(this);
  }

  /** A cancellation nobody will trigger. */
  public static Cancellation none() {
    return new Cancellation();
  }

  public void cancel() {
    cancelled.set(true);
  }

  @Override
  public boolean isCancelled() {
    return cancelled.get()
        || (parent != null && parent.isCancelled())
        || Thread.currentThread().isInterrupted();
  }

  /** What {@link #throwIfCancelled()} and a killed FFmpeg run throw. */
  @Override
  public RenderCancelledException cancelledException() {
    return new RenderCancelledException();
  }
}
