package dev.reelforge.media.library;

import dev.reelforge.core.script.Keywords;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** Search words from a file's name and folders: {@code nature/Sunset_over-the_SEA 4K.mp4}. */
final class FileNameTags {

  /** Camera and editing noise that says nothing about the picture. */
  private static final Set<String> NOISE =
      Set.of(
          "img",
          "dsc",
          "dscf",
          "mov",
          "mvi",
          "vid",
          "pxl",
          "final",
          "copy",
          "edit",
          "edited",
          "export",
          "hd",
          "uhd",
          "fhd",
          "4k",
          "8k",
          "1080p",
          "720p",
          "2160p",
          "raw",
          "stock",
          "clip",
          "video",
          "photo",
          "image",
          "pexels",
          "pixabay",
          "shutterstock",
          "untitled");

  private FileNameTags() {}

  static Set<String> of(Path root, Path file) {
    Set<String> tags = new LinkedHashSet<>();
    Path relative = root.relativize(file);
    for (int i = 0; i < relative.getNameCount(); i++) {
      String part = relative.getName(i).toString();
      if (i == relative.getNameCount() - 1) {
        int dot = part.lastIndexOf('.');
        part = dot > 0 ? part.substring(0, dot) : part;
      }
      // Split camelCase, then on everything that is not a letter.
      String spaced = part.replaceAll("(?<=\\p{Ll})(?=\\p{Lu})", " ");
      for (String word : spaced.split("[^\\p{L}]+")) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.length() >= 3 && !NOISE.contains(lower) && !Keywords.isStopWord(lower)) {
          tags.add(lower);
        }
      }
    }
    return tags;
  }
}
