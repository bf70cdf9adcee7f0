package dev.reelforge.core.jobs.spi;

import java.time.Duration;
import java.util.Optional;

/**
 * The state of one queue: tasks ready now, waiting for a later time, running, and dead; and how
 * long the oldest ready task has waited.
 */
public record QueueStats(
    String queue,
    long ready,
    long delayed,
    long running,
    long dead,
    Optional<Duration> oldestReadyAge) {}
