package dev.reelforge.core.script;

import java.util.List;
import java.util.Objects;

/**
 * One line of narration with its own visual: a row of the storyboard.
 *
 * @param role hook, body or closing
 * @param text what is said (at most {@link StoryLimits#MAX_BEAT_CHARS} characters)
 * @param keywords what the beat's picture should show, most important first, for stock search
 * @param shot the picture described in a sentence, for image generation (the keywords joined when
 *     the writer has nothing better)
 */
public record Beat(BeatRole role, String text, List<String> keywords, String shot) {

  public Beat {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(text, "text");
    keywords = List.copyOf(keywords);
    shot = shot == null || shot.isBlank() ? String.join(" ", keywords) : shot.strip();
  }

  public Beat(BeatRole role, String text, List<String> keywords) {
    this(role, text, keywords, null);
  }

  /** The role of beat {@code index} of {@code count}: first hook, last closing, others body. */
  public static BeatRole roleAt(int index, int count) {
    if (index == 0) {
      return BeatRole.HOOK;
    }
    return index == count - 1 ? BeatRole.CLOSING : BeatRole.BODY;
  }
}
