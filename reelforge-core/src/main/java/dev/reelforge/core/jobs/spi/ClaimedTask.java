package dev.reelforge.core.jobs.spi;

import dev.reelforge.core.jobs.api.ReviewSignal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A task a worker has leased, with everything its handler needs. */
public record ClaimedTask(
    TaskLease lease,
    UUID runId,
    UUID ownerId,
    String kind,
    String stage,
    String inputs,
    Map<String, String> dependencyOutputs,
    Optional<String> checkpoint,
    Optional<ReviewSignal> reviewSignal,
    Instant leaseExpiresAt,
    Optional<String> traceContext) {

  /** A task of a run started without a trace context. */
  public ClaimedTask(
      TaskLease lease,
      UUID runId,
      UUID ownerId,
      String kind,
      String stage,
      String inputs,
      Map<String, String> dependencyOutputs,
      Optional<String> checkpoint,
      Optional<ReviewSignal> reviewSignal,
      Instant leaseExpiresAt) {
    this(
        lease,
        runId,
        ownerId,
        kind,
        stage,
        inputs,
        dependencyOutputs,
        checkpoint,
        reviewSignal,
        leaseExpiresAt,
        Optional.empty());
  }

  public ClaimedTask {
    java.util.Objects.requireNonNull(traceContext, "traceContext");
    dependencyOutputs = Map.copyOf(dependencyOutputs);
  }
}
