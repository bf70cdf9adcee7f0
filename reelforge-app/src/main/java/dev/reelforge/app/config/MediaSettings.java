package dev.reelforge.app.config;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** FFmpeg, media tools and the render engine ({@code reelforge.media.*}). */
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

  /**
   * Folder for the render cache (encoded segments, soundtracks, prepared stills, caption pictures)
   * and per-render temporary files. Keeping it makes interrupted renders resume and edited videos
   * re-render only what changed; deleting it only costs time. Unset, the render folder of
   * reelforge.data-dir.
   */
  @NotNull private Path renderWorkDir = Path.of("./data/render");

  /** The longest one render may run before FFmpeg is stopped (seed 000's limit is 10 minutes). */
  @NotNull private Duration renderTimeout = Duration.ofMinutes(10);

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

  public Path getRenderWorkDir() {
    return renderWorkDir;
  }

  public void setRenderWorkDir(Path renderWorkDir) {
    this.renderWorkDir = renderWorkDir;
  }

  public Duration getRenderTimeout() {
    return renderTimeout;
  }

  public void setRenderTimeout(Duration renderTimeout) {
    this.renderTimeout = renderTimeout;
  }
}
