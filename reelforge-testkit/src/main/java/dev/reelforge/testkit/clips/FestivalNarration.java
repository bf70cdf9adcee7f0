package dev.reelforge.testkit.clips;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Real spoken English for fixtures, from Festival's {@code text2wave} (Debian package {@code
 * festival}) where it is installed. Tests that need it skip when {@link #available()} is false.
 */
public final class FestivalNarration {

  private FestivalNarration() {}

  public static boolean available() {
    return Tools.onPath("text2wave");
  }

  /** Speaks {@code text} into a WAV file. */
  public static Path narrate(String text, Path wav) {
    try {
      Process process =
          new ProcessBuilder(List.of("text2wave", "-o", wav.toString()))
              .redirectErrorStream(true)
              .start();
      try (OutputStream in = process.getOutputStream()) {
        in.write(text.getBytes(StandardCharsets.UTF_8));
      }
      String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new IllegalStateException("text2wave failed: " + log);
      }
      return wav;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while narrating", e);
    }
  }
}
