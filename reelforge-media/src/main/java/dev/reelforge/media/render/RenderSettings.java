package dev.reelforge.media.render;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the render engine runs on this machine.
 *
 * @param workDir where the segment cache and temporary files live (kept between renders: it is what
 *     makes renders resumable and edits cheap)
 * @param timeout the longest one render may take before FFmpeg is killed
 */
public record RenderSettings(Path workDir, Duration timeout) {

  /** Seed 000's render limit. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

  public RenderSettings {
    // Absolute, because FFmpeg is given paths inside it from list files in other folders.
    workDir = Objects.requireNonNull(workDir, "workDir").toAbsolutePath().normalize();
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the render timeout must be positive");
    }
  }

  public static RenderSettings in(Path workDir) {
    return new RenderSettings(workDir, DEFAULT_TIMEOUT);
  }
}
