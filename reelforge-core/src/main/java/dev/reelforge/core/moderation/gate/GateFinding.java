package dev.reelforge.core.moderation.gate;

import dev.reelforge.core.moderation.Severity;
import java.util.Objects;

/**
 * One reason the gate holds a run (or notes, below the policy's thresholds).
 *
 * @param item what it is about, e.g. {@code beat 2 picture}, {@code title}, {@code music}
 * @param kind {@link #TEXT}, {@link #PICTURE} or {@link #LICENCE}
 * @param beat the beat (or scene) it belongs to, from 0; −1 when it belongs to none
 * @param category the moderation category in lower case (e.g. {@code hate}), or {@code licence}
 * @param severity how serious it is
 * @param reason a sentence for the reviewer and the owner
 */
public record GateFinding(
    String item, String kind, int beat, String category, Severity severity, String reason) {

  public static final String TEXT = "text";
  public static final String PICTURE = "picture";
  public static final String LICENCE = "licence";

  public GateFinding {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(reason, "reason");
  }

  /** One line for a page or a log: {@code beat 2 picture: hate (medium) — why}. */
  public String describe() {
    return item
        + ": "
        + category
        + " ("
        + severity.name().toLowerCase(java.util.Locale.ROOT)
        + ") — "
        + reason;
  }
}
