package dev.reelforge.app.cli;

import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.mediagen.StillImageCheck;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * The checks {@code generate video} makes of a frame it is given, before anything starts: a file
 * that is there, not empty and not too large, a PNG or a JPEG by its first bytes (not by its name),
 * and a picture within bounds that decodes in time ({@link StillImageCheck}, as the API's frames).
 */
final class GenerateInputCheck {

  /** The API's limit (seed 001: 10 MB), so that a frame the command takes the server takes too. */
  static final long MAX_BYTES = StillImageCheck.DEFAULT_MAX_BYTES;

  /** Reading a picture's header and pixels may take this long. */
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};

  private GenerateInputCheck() {}

  /**
   * @throws IllegalArgumentException {@code "--image FILE: why"} when the file cannot be used
   */
  static void picture(String option, Path file) {
    String where = option + " " + file + ": ";
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException(where + "is a folder, not a picture");
    }
    long bytes;
    byte[] head;
    try {
      bytes = Files.size(file);
      try (InputStream in = Files.newInputStream(file)) {
        head = in.readNBytes(12);
      }
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(where + "no such file");
    } catch (AccessDeniedException e) {
      throw new IllegalArgumentException(where + "not allowed to read it");
    } catch (IOException e) {
      throw new IllegalArgumentException(where + "cannot be read (" + e.getMessage() + ")");
    }
    if (bytes == 0) {
      throw new IllegalArgumentException(where + "the file is empty");
    }
    if (bytes > MAX_BYTES) {
      throw new IllegalArgumentException(
          where + "is " + bytes / (1024 * 1024) + " MB; a frame may be at most 10 MB");
    }
    if (!startsWith(head, PNG) && !startsWith(head, JPEG)) {
      throw new IllegalArgumentException(where + "is not a PNG or JPEG picture" + named(head));
    }
    // The same probe the API's frames pass: dimensions from the header, then a decode, in time.
    try {
      new StillImageCheck(MAX_BYTES, PROBE_TIMEOUT)
          .check(Files.readAllBytes(file), option + " " + file);
    } catch (ReelForgeException e) {
      throw new IllegalArgumentException(e.getMessage());
    } catch (IOException e) {
      throw new IllegalArgumentException(where + "cannot be read (" + e.getMessage() + ")");
    }
  }

  /** What a well-known other format is, so that the user knows what to convert. */
  private static String named(byte[] head) {
    if (head.length >= 12
        && new String(head, 0, 4, StandardCharsets.US_ASCII).equals("RIFF")
        && new String(head, 8, 4, StandardCharsets.US_ASCII).equals("WEBP")) {
      return " (it is WebP; convert it to PNG)";
    }
    if (head.length >= 6 && new String(head, 0, 4, StandardCharsets.US_ASCII).equals("GIF8")) {
      return " (it is a GIF; convert it to PNG)";
    }
    return "";
  }

  private static boolean startsWith(byte[] head, byte[] magic) {
    return head.length >= magic.length && Arrays.equals(Arrays.copyOf(head, magic.length), magic);
  }
}
