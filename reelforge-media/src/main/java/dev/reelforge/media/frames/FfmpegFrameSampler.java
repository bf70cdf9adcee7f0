package dev.reelforge.media.frames;

import dev.reelforge.core.moderation.gate.FrameSampler;
import dev.reelforge.core.render.Cancellation;
import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import dev.reelforge.media.ffmpeg.FfmpegRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The frames of a clip the moderation gate looks at: one a second, from the start, at most {@link
 * #MAX_FRAMES} (a beat's clip lasts a few seconds), full size so that lettering stays readable.
 */
public final class FfmpegFrameSampler implements FrameSampler {

  public static final int MAX_FRAMES = 8;
  private static final Duration TIMEOUT = Duration.ofMinutes(1);

  private final Supplier<FfmpegInstallation> ffmpeg;

  public FfmpegFrameSampler(Supplier<FfmpegInstallation> ffmpeg) {
    this.ffmpeg = ffmpeg;
  }

  @Override
  public List<Path> frames(Path clip, Path dir) {
    try {
      Files.createDirectories(dir);
      try (Stream<Path> old = Files.list(dir)) {
        for (Path file : old.toList()) {
          Files.deleteIfExists(file);
        }
      }
      FfmpegRun.within(ffmpeg.get(), Cancellation.none(), TIMEOUT)
          .run(
              "moderation frames",
              List.of(
                  "-i",
                  clip.toString(),
                  "-vf",
                  "fps=1",
                  "-frames:v",
                  String.valueOf(MAX_FRAMES),
                  "-f",
                  "image2",
                  dir.resolve("frame-%02d.png").toString()),
              null);
      try (Stream<Path> frames = Files.list(dir)) {
        return frames.filter(f -> f.toString().endsWith(".png")).sorted().toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
