package dev.reelforge.testkit.videogen;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Small real H.264 MP4s (faststart, a few kilobytes each) that vendor stubs serve as their results:
 * one per frame shape (16:9 at 160×90, 9:16 at 90×160, 1:1 at 96×96) and per length a vendor makes
 * (4, 5, 6, 8, 9 and 10 seconds), made once with FFmpeg's colour source.
 */
public final class StubClips {

  /** The lengths there are clips of, in seconds. */
  public static final int[] LENGTHS = {4, 5, 6, 8, 9, 10};

  private StubClips() {}

  /**
   * The clip of the shape {@code width}×{@code height} stands for and of {@code seconds} (one of
   * {@link #LENGTHS}).
   */
  public static byte[] clip(int width, int height, int seconds) {
    if (Arrays.stream(LENGTHS).noneMatch(l -> l == seconds)) {
      throw new IllegalArgumentException("no stub clip of " + seconds + " s");
    }
    String size = width > height ? "160x90" : width < height ? "90x160" : "96x96";
    String name = "clips/clip-" + size + "-" + seconds + "s.mp4";
    try (InputStream in = StubClips.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
