package dev.reelforge.core.jobs.spi;

/**
 * A status change the transition table of {@link TaskStatus} or {@link RunStatus} forbids. Stores
 * check the expected state before they move anything, so this is always a bug in a store or the
 * engine, never a user's mistake: it is not a {@link dev.reelforge.core.error.ReelForgeException}
 * and maps to an internal error.
 */
public final class IllegalTransitionException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final transient Enum<?> from;
  private final transient Enum<?> to;

  IllegalTransitionException(String subject, Enum<?> from, Enum<?> to) {
    super(
        subject
            + " cannot go from "
            + from.name().toLowerCase(java.util.Locale.ROOT)
            + " to "
            + to.name().toLowerCase(java.util.Locale.ROOT));
    this.from = from;
    this.to = to;
  }

  /** The status the subject was in. */
  public Enum<?> from() {
    return from;
  }

  /** The status it was asked to take. */
  public Enum<?> to() {
    return to;
  }
}
