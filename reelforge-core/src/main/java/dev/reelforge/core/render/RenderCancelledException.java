package dev.reelforge.core.render;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;

/** A render was stopped on request; its FFmpeg processes were killed and its temp files removed. */
public final class RenderCancelledException extends ReelForgeException {
  private static final long serialVersionUID = 1L;

  public RenderCancelledException() {
    super(ErrorCode.RENDER_FAILED, "the render was cancelled");
  }
}
