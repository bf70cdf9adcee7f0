package dev.reelforge.core.jobs.api;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One stage of a pipeline: where it runs ({@code queue}, {@code requiredTags}), what it waits for
 * ({@code dependsOn}), how failures are retried and how long one execution may take.
 */
public record StageDefinition(
    String name,
    String queue,
    Set<String> dependsOn,
    RetryPolicy retryPolicy,
    Duration timeout,
    Set<String> requiredTags) {

  static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,62}");
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

  public StageDefinition {
    Objects.requireNonNull(retryPolicy, "retryPolicy");
    Objects.requireNonNull(timeout, "timeout");
    checkName("stage", name);
    checkName("queue", queue);
    dependsOn = Set.copyOf(dependsOn);
    requiredTags = Set.copyOf(requiredTags);
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("stage " + name + ": timeout must be positive");
    }
    if (dependsOn.contains(name)) {
      throw new IllegalArgumentException("stage " + name + " depends on itself");
    }
  }

  /** A stage on {@code queue} with default retries and timeout and no dependencies. */
  public static StageDefinition of(String name, String queue) {
    return new StageDefinition(
        name, queue, Set.of(), RetryPolicy.DEFAULT, DEFAULT_TIMEOUT, Set.of());
  }

  public StageDefinition after(String... stages) {
    return new StageDefinition(name, queue, Set.of(stages), retryPolicy, timeout, requiredTags);
  }

  public StageDefinition retry(RetryPolicy policy) {
    return new StageDefinition(name, queue, dependsOn, policy, timeout, requiredTags);
  }

  public StageDefinition timeout(Duration limit) {
    return new StageDefinition(name, queue, dependsOn, retryPolicy, limit, requiredTags);
  }

  public StageDefinition requires(String... tags) {
    return new StageDefinition(name, queue, dependsOn, retryPolicy, timeout, Set.of(tags));
  }

  static void checkName(String what, String value) {
    if (value == null || !NAME.matcher(value).matches()) {
      throw new IllegalArgumentException(
          what + " name must be lower-case letters, digits, '-' or '_', was '" + value + "'");
    }
  }
}
