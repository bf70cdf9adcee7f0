package dev.reelforge.core.jobs.spi;

import java.util.UUID;

/**
 * Proof that a worker holds a task: every change a worker makes names the lease, and the store
 * ignores it when the task has since been reclaimed (the worker was presumed dead) or cancelled.
 * The attempt number tells two leases of the same worker on the same task apart.
 */
public record TaskLease(UUID taskId, UUID runId, String workerId, int attempt) {}
