package dev.reelforge.media.procedural;

import java.util.List;
import java.util.Map;

/**
 * A palette that fits a beat's topic, from the icon set's categories of the icon that matched it:
 * night blues for astronomy, sea blues for water, greens for nature, warm reds for food and sport,
 * fresh mint for money and health, cool slate for technology. Beats of one topic share a palette,
 * so a video about the Moon does not jump between colour schemes.
 */
final class TopicPalette {

  /**
   * Category → palette, most telling category first: an icon in several (water is in maritime,
   * nature, weather and energy) takes the first that this list names.
   */
  private static final List<Map.Entry<String, String>> BY_CATEGORY =
      List.of(
          Map.entry("maritime", "ocean"),
          Map.entry("astronomy", "neon"),
          Map.entry("science-fiction", "neon"),
          Map.entry("food-beverage", "ember"),
          Map.entry("fruits-vegetables", "forest"),
          Map.entry("animals", "forest"),
          Map.entry("medical-health", "mint"),
          Map.entry("money", "mint"),
          Map.entry("coding", "slate"),
          Map.entry("sports-fitness", "ember"),
          Map.entry("weather", "ocean"),
          Map.entry("nature", "forest"),
          Map.entry("camping", "forest"),
          Map.entry("travel-hotel", "dusk"),
          Map.entry("transportation", "dusk"),
          Map.entry("maps", "dusk"),
          Map.entry("charts-diagrams", "mint"),
          Map.entry("business", "mint"),
          Map.entry("shopping", "mint"),
          Map.entry("devices-hardware", "slate"),
          Map.entry("connectivity", "slate"),
          Map.entry("security", "slate"),
          Map.entry("science", "slate"),
          Map.entry("education", "paper"),
          Map.entry("writing", "paper"),
          Map.entry("household", "paper"),
          Map.entry("time", "paper"),
          Map.entry("music-audio", "neon"),
          Map.entry("film-video", "neon"),
          Map.entry("energy", "ember"));

  private TopicPalette() {}

  /** The palette of the most telling of {@code categories}, else one picked by {@code seed}. */
  static Palette of(List<String> categories, long seed) {
    for (Map.Entry<String, String> entry : BY_CATEGORY) {
      if (categories.contains(entry.getKey())) {
        return Palette.ALL.stream()
            .filter(p -> p.name().equals(entry.getValue()))
            .findFirst()
            .orElseThrow();
      }
    }
    return Palette.pick(seed);
  }
}
