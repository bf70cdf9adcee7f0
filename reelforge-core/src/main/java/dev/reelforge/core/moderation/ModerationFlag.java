package dev.reelforge.core.moderation;

import java.util.Objects;

/**
 * One reason a text was flagged.
 *
 * @param category the kind of harm
 * @param severity how serious it is
 * @param start where the offending passage starts in the text (−1 when the flag is about the whole
 *     text, e.g. spam)
 * @param end where it ends (exclusive)
 * @param reason a sentence for the reviewer
 */
public record ModerationFlag(
    ModerationCategory category, Severity severity, int start, int end, String reason) {

  public ModerationFlag {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(reason, "reason");
  }
}
