package dev.reelforge.postgres.jobs.internal;

import dev.reelforge.core.jobs.spi.TaskStatus;
import java.util.Set;

/**
 * The one gate for task status changes in SQL. Every statement that sets {@code task.status} binds
 * the new status from here, naming the status its {@code WHERE} clause requires, so each change is
 * checked against {@link TaskStatus}'s transition table before it reaches the database.
 */
public final class TaskMoves {

  private TaskMoves() {}

  /**
   * @return the wire name of {@code to}, to bind as the new status
   * @throws dev.reelforge.core.jobs.spi.IllegalTransitionException when the table forbids the move
   */
  public static String move(TaskStatus from, TaskStatus to) {
    return from.requireMoveTo(to).wireName();
  }

  /**
   * {@link #move(TaskStatus, TaskStatus)} for a statement that moves tasks in any of {@code from}.
   */
  public static String move(Set<TaskStatus> from, TaskStatus to) {
    for (TaskStatus status : from) {
      status.requireMoveTo(to);
    }
    return to.wireName();
  }
}
