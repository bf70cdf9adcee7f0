package dev.reelforge.media.ffmpeg;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;

/** No FFmpeg could be found, or the one found does not run. */
public final class FfmpegNotUsableException extends ReelForgeException {
  private static final long serialVersionUID = 1L;

  public FfmpegNotUsableException(String message) {
    super(ErrorCode.RENDER_FAILED, message);
  }
}
