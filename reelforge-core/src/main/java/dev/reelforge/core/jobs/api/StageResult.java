package dev.reelforge.core.jobs.api;

import dev.reelforge.core.error.ReelForgeException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** What one execution of a stage ended with. Payloads are JSON text. */
public sealed interface StageResult {

  /** The stage is done; {@code output} is handed to the stages that depend on it. */
  record Completed(String output) implements StageResult {
    public Completed {
      Objects.requireNonNull(output, "output");
    }
  }

  /**
   * Run the stage again after {@code delay} without counting a failure: polling an asynchronous
   * provider, for instance. {@code checkpoint}, when present, replaces the saved one.
   */
  record RetryLater(Duration delay, Optional<String> checkpoint) implements StageResult {
    public RetryLater {
      Objects.requireNonNull(delay, "delay");
      Objects.requireNonNull(checkpoint, "checkpoint");
    }
  }

  /** Park the run until a person reviews {@code proposal} (approve, change or re-roll). */
  record AwaitReview(String proposal) implements StageResult {
    public AwaitReview {
      Objects.requireNonNull(proposal, "proposal");
    }
  }

  /** Failed for good: no retry, the task goes to the dead letters and the run fails. */
  record FailedPermanently(ReelForgeException error) implements StageResult {
    public FailedPermanently {
      Objects.requireNonNull(error, "error");
    }
  }

  static StageResult completed(String output) {
    return new Completed(output);
  }

  static StageResult retryLater(Duration delay) {
    return new RetryLater(delay, Optional.empty());
  }

  static StageResult retryLater(Duration delay, String checkpoint) {
    return new RetryLater(delay, Optional.of(checkpoint));
  }

  static StageResult awaitReview(String proposal) {
    return new AwaitReview(proposal);
  }

  static StageResult failed(ReelForgeException error) {
    return new FailedPermanently(error);
  }
}
