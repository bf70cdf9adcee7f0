package dev.reelforge.app.brand;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Upload file names made harmless (seed 001 §5.1–5.2): the name a user gave is kept only as a
 * label, never as a path. It loses control characters, path parts, leading dots and any {@code ..},
 * and ends in an extension of its real type, so {@code ../../../etc/passwd.jpg} becomes {@code
 * passwd.jpg} and {@code invoice.pdf.exe} declared as a PNG becomes {@code invoice.pdf.png}.
 */
public final class UploadFilenames {

  /** Seed 001's {@code filename: sanitizedString.min(1).max(255)}. */
  public static final int MAX_LENGTH = 255;

  /** The base of a name that had nothing usable left. */
  static final String FALLBACK_BASE = "upload";

  /** Seed 001's sanitizedString: {@code [\x00-\x1F\x7F]}. */
  private static final Pattern ASCII_CONTROL = Pattern.compile("[\\x00-\\x1F\\x7F]");

  /** Characters no file system or Content-Disposition header takes well. */
  private static final Pattern RESERVED = Pattern.compile("[<>:\"|?*]");

  private static final Pattern EXTENSION = Pattern.compile("[A-Za-z0-9]{1,10}");

  /** Names Windows keeps for devices, whatever the extension. */
  private static final Set<String> DEVICES =
      Set.of(
          "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7",
          "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

  private UploadFilenames() {}

  /**
   * Seed 001's sanitizedString: trimmed, without ASCII control characters. Empty or longer than
   * {@link #MAX_LENGTH} is the caller's error (seed 001 checks {@code min(1).max(255)} after this).
   */
  public static String cleaned(String raw) {
    return raw == null ? "" : ASCII_CONTROL.matcher(raw.strip()).replaceAll("");
  }

  /**
   * The safe label of an upload of {@code type}: the last path part of {@code cleaned} without
   * invisible or reserved characters, runs of dots, or leading dots, ending in an extension that
   * names {@code type} (the given one when it does, else the type's own), at most {@link
   * #MAX_LENGTH} characters. Never empty, never a path.
   */
  public static String safe(String cleaned, PictureType type) {
    String name = lastPathPart(visible(cleaned));
    name = RESERVED.matcher(name).replaceAll("_");
    name = name.replaceAll("\\s+", " ").replaceAll("\\.{2,}", ".");
    name = trimDotsAndSpaces(name);
    String base = name;
    String extension = type.extension();
    int dot = name.lastIndexOf('.');
    if (dot >= 0 && EXTENSION.matcher(name.substring(dot + 1)).matches()) {
      String given = name.substring(dot + 1).toLowerCase(Locale.ROOT);
      base = trimDotsAndSpaces(name.substring(0, dot));
      if (type.isNamedBy(given)) {
        extension = given;
      }
    }
    if (base.isEmpty()) {
      base = FALLBACK_BASE;
    }
    if (DEVICES.contains(base.toLowerCase(Locale.ROOT).split("\\.", 2)[0])) {
      base = "_" + base;
    }
    return fitted(base, extension);
  }

  /** Without Unicode control, format (bidi overrides, zero widths) and separator characters. */
  private static String visible(String text) {
    StringBuilder kept = new StringBuilder(text.length());
    text.codePoints()
        .filter(
            c -> {
              int kind = Character.getType(c);
              return kind != Character.CONTROL
                  && kind != Character.FORMAT
                  && kind != Character.SURROGATE
                  && kind != Character.LINE_SEPARATOR
                  && kind != Character.PARAGRAPH_SEPARATOR
                  && kind != Character.PRIVATE_USE
                  && kind != Character.UNASSIGNED;
            })
        .forEach(kept::appendCodePoint);
    return kept.toString();
  }

  /** The last non-empty part between slashes or backslashes. */
  private static String lastPathPart(String name) {
    String[] parts = name.split("[/\\\\]");
    for (int i = parts.length - 1; i >= 0; i--) {
      if (!trimDotsAndSpaces(parts[i]).isEmpty()) {
        return parts[i];
      }
    }
    return "";
  }

  private static String trimDotsAndSpaces(String name) {
    int start = 0;
    int end = name.length();
    while (start < end && (name.charAt(start) == '.' || name.charAt(start) == ' ')) {
      start++;
    }
    while (end > start && (name.charAt(end - 1) == '.' || name.charAt(end - 1) == ' ')) {
      end--;
    }
    return name.substring(start, end);
  }

  /** {@code base.extension}, the base cut (never inside a character) to fit the length. */
  private static String fitted(String base, String extension) {
    int room = MAX_LENGTH - extension.length() - 1;
    if (base.length() > room) {
      int cut = base.offsetByCodePoints(0, base.codePointCount(0, room));
      if (cut > room) {
        cut = base.offsetByCodePoints(0, base.codePointCount(0, room) - 1);
      }
      base = trimDotsAndSpaces(base.substring(0, cut));
    }
    return base + "." + extension;
  }
}
