package dev.reelforge.core.moderation;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The verdict on a text.
 *
 * @param flags every reason found, in text order
 * @param moderator which implementation decided, for the run manifest
 */
public record ModerationResult(List<ModerationFlag> flags, String moderator) {

  public ModerationResult {
    flags = List.copyOf(flags);
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
