package dev.reelforge.story;

import dev.reelforge.core.script.InputKind;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to make a story from, and how it should come out.
 *
 * @param text the idea, paragraph, article text or manual script; for a link, the link itself
 * @param kind which of those it is; {@link InputKind#ARTICLE} for a link
 * @param link whether {@code text} is a link whose article the ingest stage reads first
 * @param formats render preset ids, e.g. {@code tiktok}, {@code youtube}, {@code square}
 * @param voice the speech engine's voice, or empty for its default
 * @param captionStyle a caption style name
 * @param music {@code auto} (mood from the script), a mood name, or {@code none}
 * @param quality a quality tier name
 */
public record StoryInput(
    String text,
    InputKind kind,
    List<String> formats,
    Optional<String> voice,
    String captionStyle,
    String music,
    String quality,
    boolean link) {

  /** Input given as text (not a link). */
  public StoryInput(
      String text,
      InputKind kind,
      List<String> formats,
      Optional<String> voice,
      String captionStyle,
      String music,
      String quality) {
    this(text, kind, formats, voice, captionStyle, music, quality, false);
  }

  public StoryInput {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(kind, "kind");
    formats = List.copyOf(formats);
    voice = Objects.requireNonNullElse(voice, Optional.empty());
    if (link && kind != InputKind.ARTICLE) {
      throw new IllegalArgumentException("a link is read as an article");
    }
  }

  /** The same input, read from {@code url}'s article. */
  public static StoryInput fromLink(
      String url,
      List<String> formats,
      Optional<String> voice,
      String captionStyle,
      String music,
      String quality) {
    return new StoryInput(
        url, InputKind.ARTICLE, formats, voice, captionStyle, music, quality, true);
  }
}
