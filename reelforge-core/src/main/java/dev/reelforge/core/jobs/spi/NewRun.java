package dev.reelforge.core.jobs.spi;

import dev.reelforge.core.jobs.api.StageDefinition;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A run to store, with its tasks already planned from the pipeline definition. When {@code credits}
 * is above zero the store debits the owner in the same transaction (INSUFFICIENT_CREDITS when the
 * balance is short, and nothing is stored) and refunds exactly once if the run fails or is
 * cancelled.
 */
public record NewRun(
    UUID id,
    UUID ownerId,
    String kind,
    String inputs,
    int priority,
    Optional<String> idempotencyKey,
    List<NewTask> tasks,
    long credits,
    Optional<String> traceContext) {

  /** A run without a trace context (started outside any traced request). */
  public NewRun(
      UUID id,
      UUID ownerId,
      String kind,
      String inputs,
      int priority,
      Optional<String> idempotencyKey,
      List<NewTask> tasks,
      long credits) {
    this(id, ownerId, kind, inputs, priority, idempotencyKey, tasks, credits, Optional.empty());
  }

  public NewRun {
    Objects.requireNonNull(traceContext, "traceContext");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(inputs, "inputs");
    tasks = List.copyOf(tasks);
    if (credits < 0) {
      throw new IllegalArgumentException("credits must not be negative");
    }
  }

  /** A run that costs nothing. */
  public NewRun(
      UUID id,
      UUID ownerId,
      String kind,
      String inputs,
      int priority,
      Optional<String> idempotencyKey,
      List<NewTask> tasks) {
    this(id, ownerId, kind, inputs, priority, idempotencyKey, tasks, 0);
  }

  /** One task of a new run. */
  public record NewTask(
      UUID id,
      String stage,
      String queue,
      Set<String> dependsOn,
      int maxAttempts,
      Duration timeout,
      Set<String> requiredTags) {
    public NewTask {
      dependsOn = Set.copyOf(dependsOn);
      requiredTags = Set.copyOf(requiredTags);
    }

    /** The task that executes {@code stage}. */
    public static NewTask of(UUID id, StageDefinition stage) {
      return new NewTask(
          id,
          stage.name(),
          stage.queue(),
          stage.dependsOn(),
          stage.retryPolicy().maxAttempts(),
          stage.timeout(),
          stage.requiredTags());
    }
  }
}
