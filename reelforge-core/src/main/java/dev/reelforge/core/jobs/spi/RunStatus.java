package dev.reelforge.core.jobs.spi;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of a run. {@link #canMoveTo} is the one transition table; stores refuse any other
 * change.
 */
public enum RunStatus {
  QUEUED,
  RUNNING,
  AWAITING_REVIEW,
  SUCCEEDED,
  FAILED,
  CANCELLED;

  private static final Map<RunStatus, Set<RunStatus>> ALLOWED =
      Map.of(
          QUEUED, EnumSet.of(RUNNING, CANCELLED, FAILED),
          RUNNING, EnumSet.of(AWAITING_REVIEW, SUCCEEDED, FAILED, CANCELLED),
          AWAITING_REVIEW, EnumSet.of(RUNNING, FAILED, CANCELLED),
          // An operator may requeue a dead task of a failed run: the run runs again.
          FAILED, EnumSet.of(RUNNING),
          SUCCEEDED, EnumSet.noneOf(RunStatus.class),
          CANCELLED, EnumSet.noneOf(RunStatus.class));

  public boolean canMoveTo(RunStatus next) {
    return ALLOWED.get(this).contains(next);
  }

  /**
   * Checks a run's status change against the table.
   *
   * @param subject names the run in the error, e.g. {@code "run <id>"}
   * @return {@code next}, the status to store
   * @throws IllegalTransitionException when the table forbids the move
   */
  public RunStatus requireMoveTo(RunStatus next, Object subject) {
    if (!canMoveTo(next)) {
      throw new IllegalTransitionException(String.valueOf(subject), this, next);
    }
    return next;
  }

  /** Whether nothing more will happen to the run without an operator. */
  public boolean isTerminal() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED;
  }

  /** The lower-case name used in the API and the database. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static RunStatus fromWire(String name) {
    return valueOf(name.toUpperCase(java.util.Locale.ROOT));
  }
}
