package dev.reelforge.core.moderation;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The verdict on a text or a picture.
 *
 * @param flags every reason found, in text order
 * @param moderator which implementation decided, for the run manifest
 * @param unchecked what could not be checked, in words (e.g. "text in pictures not checked:
 *     tesseract not installed"): a verdict never passes silently over what it did not look at
 */
public record ModerationResult(
    List<ModerationFlag> flags, String moderator, List<String> unchecked) {

  public ModerationResult {
    flags = List.copyOf(flags);
    unchecked = List.copyOf(unchecked);
  }

  /** A verdict that checked everything it was asked to. */
  public ModerationResult(List<ModerationFlag> flags, String moderator) {
    this(flags, moderator, List.of());
  }

  /** Whether the text may go ahead: nothing of {@link Severity#HIGH} severity was found. */
  public boolean allowed() {
    return highest().map(s -> s != Severity.HIGH).orElse(true);
  }

  public Optional<Severity> highest() {
    return flags.stream().map(ModerationFlag::severity).max(Comparator.naturalOrder());
  }

  public boolean flagged(ModerationCategory category) {
    return flags.stream().anyMatch(f -> f.category() == category);
  }
}
