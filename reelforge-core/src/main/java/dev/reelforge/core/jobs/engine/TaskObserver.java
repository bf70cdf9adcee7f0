package dev.reelforge.core.jobs.engine;

import dev.reelforge.core.jobs.spi.ClaimedTask;
import java.time.Duration;

/**
 * Watches task executions on the worker thread that runs them, for metrics, logs and traces: {@link
 * #started} is called just before the handler, and the scope it returns is told how the execution
 * ended. Observers must be quick and must not throw.
 */
public interface TaskObserver {

  /** How an execution ended. */
  enum Outcome {
    COMPLETED,
    /** The handler asked to run again later (polling an async provider): not a failure. */
    DELAYED,
    RETRY_SCHEDULED,
    FAILED,
    AWAITING_REVIEW,
    CANCELLED,
    TIMED_OUT,
    RELEASED,
    LEASE_LOST
  }

  /** One execution in progress. */
  interface Scope {
    /**
     * @param outcome how it ended
     * @param elapsed how long the handler ran
     * @param errorCode the taxonomy code of a failure, or null
     */
    void ended(Outcome outcome, Duration elapsed, String errorCode);
  }

  /**
   * @param task the claimed task
   * @param queue the queue it was claimed from
   */
  Scope started(ClaimedTask task, String queue);

  TaskObserver NONE = (task, queue) -> (outcome, elapsed, errorCode) -> {};

  /** All of them: started in order, ended in reverse order (as nested scopes). */
  static TaskObserver all(java.util.List<TaskObserver> observers) {
    java.util.List<TaskObserver> copy = java.util.List.copyOf(observers);
    return (task, queue) -> {
      java.util.List<Scope> scopes = new java.util.ArrayList<>(copy.size());
      for (TaskObserver observer : copy) {
        scopes.add(observer.started(task, queue));
      }
      return (outcome, elapsed, errorCode) -> {
        for (int i = scopes.size() - 1; i >= 0; i--) {
          scopes.get(i).ended(outcome, elapsed, errorCode);
        }
      };
    };
  }
}
