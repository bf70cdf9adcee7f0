package dev.reelforge.core.jobs.api;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a stage handler sees of its task: the run's inputs, the outputs of the stages it depends on,
 * its checkpoint from earlier attempts, a review signal when it runs again after a review, and
 * means to report progress, save a checkpoint and notice cancellation.
 */
public interface StageContext {

  UUID runId();

  UUID taskId();

  UUID ownerId();

  String stage();

  /** 1 for the first execution, 2 for the first retry, and so on. */
  int attempt();

  /** The run's inputs (JSON). */
  String inputs();

  /** Outputs (JSON) of the stages this one depends on, by stage name. */
  Map<String, String> dependencyOutputs();

  /** The last saved checkpoint (JSON), also from earlier attempts. */
  Optional<String> checkpoint();

  /** The review decision this execution answers, if it follows a review. */
  Optional<ReviewSignal> reviewSignal();

  /** Persists a checkpoint now, so a retried or resumed execution continues from it. */
  void saveCheckpoint(String checkpoint);

  /** Reports progress between 0 and 1 with a short message (rate-limited by the engine). */
  void progress(double fraction, String message);

  /** Whether the run was cancelled or the stage timed out; a handler should stop soon. */
  boolean isCancelled();

  /**
   * Throws when {@link #isCancelled()}: a convenient check between steps of a long handler.
   *
   * @throws StageCancelledException when the execution should stop
   */
  default void checkCancelled() {
    if (isCancelled() || Thread.currentThread().isInterrupted()) {
      throw new StageCancelledException();
    }
  }
}
