package dev.reelforge.core.jobs.api;

/** Thrown by {@link StageContext#checkCancelled()} to unwind a handler that should stop. */
public final class StageCancelledException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StageCancelledException() {
    super("stage cancelled", null, false, false);
  }
}
