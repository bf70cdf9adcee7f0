package dev.reelforge.app.cluster;

import java.time.Duration;

/**
 * A periodic piece of upkeep (purging expired keys, retention cleanup) run by processes with the
 * {@code scheduler} role. Every task is safe to run on several schedulers at once: each deletes
 * with conditions that make a second run find nothing.
 *
 * @param name names the task in logs and metrics
 * @param firstDelay how long after startup it first runs
 * @param interval how long between the end of one run and the start of the next
 * @param action the work; answers how many things it removed
 */
public record UpkeepTask(String name, Duration firstDelay, Duration interval, Action action) {

  /** The work of one run. */
  @FunctionalInterface
  public interface Action {
    int run();
  }
}
