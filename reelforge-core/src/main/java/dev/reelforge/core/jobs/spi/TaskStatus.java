package dev.reelforge.core.jobs.spi;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of a task (one execution slot of a stage). {@link #canMoveTo} is the one transition
 * table, and {@link #requireMoveTo} the one gate every store passes a task's status change through.
 *
 * <ul>
 *   <li>{@code BLOCKED}: waits for the stages it depends on (or its run failed).
 *   <li>{@code READY}: claimable once its {@code runAfter} time has come.
 *   <li>{@code RUNNING}: leased by a worker that heartbeats.
 *   <li>{@code AWAITING_REVIEW}: parked until a person approves, changes or re-rolls it.
 *   <li>{@code DEAD}: failed permanently or out of attempts; an operator may requeue it.
 * </ul>
 */
public enum TaskStatus {
  BLOCKED,
  READY,
  RUNNING,
  AWAITING_REVIEW,
  SUCCEEDED,
  DEAD,
  CANCELLED;

  private static final Map<TaskStatus, Set<TaskStatus>> ALLOWED =
      Map.of(
          BLOCKED, EnumSet.of(READY, CANCELLED),
          // READY -> BLOCKED: a run that failed stops starting its other branches.
          READY, EnumSet.of(RUNNING, BLOCKED, CANCELLED),
          // RUNNING -> READY: retry later, lease expired, or released at shutdown.
          RUNNING, EnumSet.of(SUCCEEDED, READY, AWAITING_REVIEW, DEAD, CANCELLED),
          AWAITING_REVIEW, EnumSet.of(SUCCEEDED, READY, CANCELLED),
          DEAD, EnumSet.of(READY),
          SUCCEEDED, EnumSet.noneOf(TaskStatus.class),
          CANCELLED, EnumSet.noneOf(TaskStatus.class));

  public boolean canMoveTo(TaskStatus next) {
    return ALLOWED.get(this).contains(next);
  }

  /**
   * Checks a task's status change against the table.
   *
   * @param subject names the task in the error, e.g. {@code "task <id>"}
   * @return {@code next}, the status to store
   * @throws IllegalTransitionException when the table forbids the move
   */
  public TaskStatus requireMoveTo(TaskStatus next, Object subject) {
    if (!canMoveTo(next)) {
      throw new IllegalTransitionException(String.valueOf(subject), this, next);
    }
    return next;
  }

  /** {@link #requireMoveTo(TaskStatus, Object)} for a task that need not be named. */
  public TaskStatus requireMoveTo(TaskStatus next) {
    return requireMoveTo(next, "a task");
  }

  public boolean isTerminal() {
    return this == SUCCEEDED || this == CANCELLED;
  }

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static TaskStatus fromWire(String name) {
    return valueOf(name.toUpperCase(java.util.Locale.ROOT));
  }
}
