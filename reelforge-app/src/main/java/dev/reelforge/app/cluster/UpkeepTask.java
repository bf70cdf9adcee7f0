package dev.reelforge.app.cluster;

import java.time.Duration;

/**
 * A periodic piece of upkeep (purging expired keys, retention cleanup) run by processes with the
 * {@code scheduler} role, or by every process for upkeep of its own machine ({@link #everyNode()}).
 * Shared tasks are safe to run on several schedulers at once: each deletes with conditions that
 * make a second run find nothing.
 *
 * @param name names the task in logs and metrics
 * @param firstDelay how long after startup it first runs
 * @param interval how long between the end of one run and the start of the next
 * @param action the work; answers how many things it removed
 * @param everyNode whether every process runs it for its own machine, whatever its roles
 */
public record UpkeepTask(
    String name, Duration firstDelay, Duration interval, Action action, boolean everyNode) {

  /** Shared upkeep, run by the scheduler role. */
  public UpkeepTask(String name, Duration firstDelay, Duration interval, Action action) {
    this(name, firstDelay, interval, action, false);
  }

  /** The work of one run. */
  @FunctionalInterface
  public interface Action {
    int run();
  }
}
