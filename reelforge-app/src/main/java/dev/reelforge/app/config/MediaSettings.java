package dev.reelforge.app.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** FFmpeg and media tools ({@code reelforge.media.*}). */
@ConfigurationProperties("reelforge.media")
@Validated
public class MediaSettings {

  /**
   * The ffmpeg executable to use. Empty searches the PATH, then falls back to the build bundled
   * with ReelForge.
   */
  private Path ffmpegPath;

  /** The ffprobe executable to use. Empty uses the one beside ffmpeg. */
  private Path ffprobePath;

  public Path getFfmpegPath() {
    return ffmpegPath;
  }

  public void setFfmpegPath(Path ffmpegPath) {
    this.ffmpegPath = ffmpegPath;
  }

  public Path getFfprobePath() {
    return ffprobePath;
  }

  public void setFfprobePath(Path ffprobePath) {
    this.ffprobePath = ffprobePath;
  }
}
