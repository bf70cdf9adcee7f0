package dev.reelforge.story.session;

import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.music.Mood;
import dev.reelforge.core.render.CaptionStyles;
import dev.reelforge.core.render.QualityTier;
import dev.reelforge.core.render.RenderPreset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The choices of how a session renders, and their checks (the same as {@code reelforge make}). */
public final class SessionSettings {

  /** A voice name: what engines accept (letters, digits, dashes, dots, underscores, colons). */
  private static final Pattern VOICE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}");

  private SessionSettings() {}

  /**
   * {@code wanted} with names normalized.
   *
   * @throws ReelForgeException INVALID_INPUT naming the first field that is not valid
   */
  public static StorySession.Settings checked(StorySession.Settings wanted) {
    if (wanted.formats() == null || wanted.formats().isEmpty()) {
      throw ReelForgeException.invalidField("formats", "choose at least one format");
    }
    if (wanted.formats().size() > RenderPreset.values().length) {
      throw ReelForgeException.invalidField("formats", "at most one of each format");
    }
    List<String> formats = SessionFormats.presetIds(wanted.formats());
    String voice = wanted.voice() == null || wanted.voice().isBlank() ? null : wanted.voice();
    if (voice != null && !VOICE.matcher(voice.strip()).matches()) {
      throw ReelForgeException.invalidField(
          "voice", "a voice name is letters, digits, '-', '_', '.' or ':' (at most 100)");
    }
    String style = wanted.captionStyle() == null ? "bold-pop" : wanted.captionStyle().strip();
    if (!CaptionStyles.NAMES.contains(style)) {
      throw ReelForgeException.invalidField(
          "captionStyle", "must be one of " + String.join(", ", CaptionStyles.NAMES));
    }
    String music =
        wanted.music() == null ? "auto" : wanted.music().strip().toLowerCase(Locale.ROOT);
    if (!musicChoices().contains(music)) {
      throw ReelForgeException.invalidField(
          "music", "must be one of " + String.join(", ", musicChoices()));
    }
    String quality =
        QualityTier.byName(wanted.quality() == null ? "standard" : wanted.quality())
            .name()
            .toLowerCase(Locale.ROOT);
    return new StorySession.Settings(
        formats, voice == null ? null : voice.strip(), style, music, quality);
  }

  /** {@code auto} (picked from the script's mood), {@code none}, or a mood. */
  public static List<String> musicChoices() {
    List<String> choices = new ArrayList<>(List.of("auto", "none"));
    Arrays.stream(Mood.values()).map(m -> m.name().toLowerCase(Locale.ROOT)).forEach(choices::add);
    return choices;
  }

  public static List<String> captionStyles() {
    return CaptionStyles.NAMES;
  }

  public static List<String> qualities() {
    return Arrays.stream(QualityTier.values()).map(q -> q.name().toLowerCase(Locale.ROOT)).toList();
  }
}
