package dev.reelforge.story.session;

import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.render.RenderPreset;
import dev.reelforge.core.visuals.Orientation;
import dev.reelforge.story.BeatVisuals;
import java.util.List;
import java.util.Locale;

/** Output formats as the API names them: our preset ids and seed 000's studio shapes. */
public final class SessionFormats {

  private SessionFormats() {}

  /**
   * @throws ReelForgeException INVALID_INPUT on {@code formats} for an unknown name
   */
  public static RenderPreset preset(String format) {
    try {
      return RenderPreset.byId(presetId(format));
    } catch (IllegalArgumentException | ReelForgeException e) {
      throw ReelForgeException.invalidField(
          "formats",
          "unknown format '"
              + format
              + "'; use tiktok, reels, shorts, youtube, square, 9x16, 16x9 or 1x1");
    }
  }

  /** The preset ids of {@code formats}, each once, in order. */
  static List<String> presetIds(List<String> formats) {
    return formats.stream().map(f -> preset(f).id()).distinct().toList();
  }

  /** The orientation visuals are searched in: the first format's. */
  static Orientation orientation(StorySession.Settings settings) {
    return BeatVisuals.orientation(RenderPreset.byId(settings.formats().getFirst()));
  }

  /** Seed 000's studio names for shapes, mapped onto our presets. */
  private static String presetId(String format) {
    return switch (format.toLowerCase(Locale.ROOT)) {
      case "9x16", "vertical" -> "tiktok";
      case "16x9", "horizontal" -> "youtube";
      case "1x1" -> "square";
      default -> format.toLowerCase(Locale.ROOT);
    };
  }
}
