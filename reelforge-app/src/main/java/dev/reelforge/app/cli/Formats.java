package dev.reelforge.app.cli;

import dev.reelforge.core.render.RenderPreset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The {@code --formats} option: the shapes and sizes to render, by the names the user sees
 * everywhere (tiktok, reels, shorts, youtube, square). Inside, each is a {@link RenderPreset}.
 */
final class Formats {

  private Formats() {}

  /**
   * @param list comma-separated format names
   * @throws IllegalArgumentException naming the first unknown format and the known ones
   */
  static List<RenderPreset> parse(String option, String list) {
    List<String> names =
        Arrays.stream(list.split(","))
            .map(s -> s.strip().toLowerCase(Locale.ROOT))
            .filter(s -> !s.isEmpty())
            .distinct()
            .toList();
    if (names.isEmpty()) {
      throw new IllegalArgumentException(option + " needs at least one format (" + known() + ")");
    }
    return names.stream().map(Formats::byName).toList();
  }

  private static RenderPreset byName(String name) {
    return Arrays.stream(RenderPreset.values())
        .filter(p -> p.id().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown format '" + name + "' (formats: " + known() + ")"));
  }

  private static String known() {
    return Arrays.stream(RenderPreset.values())
        .map(RenderPreset::id)
        .collect(Collectors.joining(", "));
  }
}
