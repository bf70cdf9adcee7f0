/**
 * Metrics (Micrometer, scraped at {@code /actuator/prometheus}), log correlation ids for tasks, and
 * the queue statistics shared by metrics and {@code /api/health}. Every metric is listed in
 * docs/operations.md#metrics.
 */
package dev.reelforge.app.observability;
