package dev.reelforge.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The checks {@code generate video} makes of a frame it is given, before anything starts: a file
 * that is there, not empty and not too large, a PNG or a JPEG by its first bytes (not by its name),
 * and a picture whose size its header states within bounds. Only the header is read.
 */
final class GenerateInputCheck {

  /** Vendors take frames up to 10 MB (Kling) to 20 MB; the largest is the limit here. */
  static final long MAX_BYTES = 20L * 1024 * 1024;

  static final int MIN_SIDE = 64;
  static final int MAX_SIDE = 8192;

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
          where + "is " + bytes / (1024 * 1024) + " MB; a frame may be at most 20 MB");
    }
    if (!startsWith(head, PNG) && !startsWith(head, JPEG)) {
      throw new IllegalArgumentException(where + "is not a PNG or JPEG picture" + named(head));
    }
    int[] size = size(file, where);
    if (Math.min(size[0], size[1]) < MIN_SIDE || Math.max(size[0], size[1]) > MAX_SIDE) {
      throw new IllegalArgumentException(
          where
              + "is "
              + size[0]
              + "×"
              + size[1]
              + " pixels; a frame needs "
              + MIN_SIDE
              + " to "
              + MAX_SIDE
              + " pixels a side");
    }
  }

  /** The picture's size from its header, without decoding its pixels. */
  private static int[] size(Path file, String where) {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      Iterator<ImageReader> readers =
          in == null ? Collections.emptyIterator() : ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new IllegalArgumentException(where + "is not a picture Java can read");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        return new int[] {reader.getWidth(0), reader.getHeight(0)};
      } finally {
        reader.dispose();
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(where + "is a damaged picture (" + e.getMessage() + ")");
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
