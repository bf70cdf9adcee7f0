package dev.reelforge.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The checks {@code publish} makes of the files it is given, before anything is written: each is a
 * readable, non-empty file of the kind its option takes, recognised by its first bytes (a name
 * ending {@code .mp4} proves nothing). A failure is one line naming the option and the file.
 */
final class MediaFileCheck {

  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

  private MediaFileCheck() {}

  /**
   * An MP4 (or another ISO base media file): the box at its start is {@code ftyp}.
   *
   * @param option the option that named it, empty for the command's argument
   */
  static Path mp4(String option, String name) {
    byte[] head = head(option, name, 12);
    if (head.length < 8
        || !new String(head, 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1).equals("ftyp")) {
      throw problem(option, name, "is not an MP4 video (no 'ftyp' box at its start)");
    }
    return Path.of(name);
  }

  /** A JPEG or PNG picture. */
  static Path picture(String option, String name) {
    byte[] head = head(option, name, 4);
    if (!startsWith(head, JPEG) && !startsWith(head, PNG)) {
      throw problem(option, name, "is not a JPEG or PNG picture");
    }
    return Path.of(name);
  }

  /** An SRT or WebVTT file, by its name (both are plain text). */
  static Path captions(String option, String name) {
    head(option, name, 1);
    String lower = name.toLowerCase(Locale.ROOT);
    if (!lower.endsWith(".srt") && !lower.endsWith(".vtt")) {
      throw problem(option, name, "captions must be an .srt or .vtt file");
    }
    return Path.of(name);
  }

  /** The first {@code bytes} of the file (fewer when it is shorter). */
  private static byte[] head(String option, String name, int bytes) {
    Path file = Path.of(name);
    if (Files.isDirectory(file)) {
      throw problem(option, name, "is a folder, not a file");
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(bytes);
      if (head.length == 0) {
        throw problem(option, name, "the file is empty");
      }
      return head;
    } catch (NoSuchFileException e) {
      throw problem(option, name, "no such file");
    } catch (AccessDeniedException e) {
      throw problem(option, name, "not allowed to read it");
    } catch (IOException e) {
      throw problem(option, name, "cannot be read (" + e.getMessage() + ")");
    }
  }

  private static boolean startsWith(byte[] head, byte[] magic) {
    return head.length >= magic.length && Arrays.equals(Arrays.copyOf(head, magic.length), magic);
  }

  private static IllegalArgumentException problem(String option, String name, String why) {
    return new IllegalArgumentException((option.isEmpty() ? "" : option + " ") + name + ": " + why);
  }
}
