package dev.reelforge.media.library;

import dev.reelforge.core.licence.MediaLicence;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What an operator wrote next to a media file, in {@code NAME.EXT.txt} or {@code NAME.txt}:
 *
 * <pre>
 * tags: beach, sunset, waves
 * author: Jane Doe
 * licence: CC-BY-4.0
 * url: https://example.com/original
 * </pre>
 *
 * A line without a key is read as tags. Files without a sidecar belong to the operator.
 */
record Sidecar(List<String> tags, MediaLicence licence) {

  static final String DEFAULT_AUTHOR = "library owner";
  static final String DEFAULT_LICENCE = "owned by the operator (local library)";

  static Sidecar read(Path media, String source) throws IOException {
    Path file = find(media);
    List<String> tags = new ArrayList<>();
    String author = DEFAULT_AUTHOR;
    String licence = DEFAULT_LICENCE;
    String url = "";
    if (file != null) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        int colon = line.indexOf(':');
        String key = colon > 0 ? line.substring(0, colon).strip().toLowerCase(Locale.ROOT) : "";
        String value = colon > 0 ? line.substring(colon + 1).strip() : line.strip();
        switch (key) {
          case "author" -> author = value;
          case "licence", "license" -> licence = value;
          case "url", "source" -> url = value;
          default -> tags.addAll(split(colon > 0 && !key.equals("tags") ? line : value));
        }
      }
    }
    return new Sidecar(tags, new MediaLicence(source, author, licence, url));
  }

  static boolean isSidecar(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".txt");
  }

  private static Path find(Path media) {
    String name = media.getFileName().toString();
    int dot = name.lastIndexOf('.');
    for (String candidate :
        new String[] {name + ".txt", dot > 0 ? name.substring(0, dot) + ".txt" : name + ".txt"}) {
      Path path = media.resolveSibling(candidate);
      if (Files.isRegularFile(path)) {
        return path;
      }
    }
    return null;
  }

  private static List<String> split(String value) {
    List<String> tags = new ArrayList<>();
    for (String tag : value.split("[,;#]+")) {
      String cleaned = tag.strip().toLowerCase(Locale.ROOT);
      if (!cleaned.isEmpty()) {
        tags.add(cleaned);
      }
    }
    return tags;
  }
}
