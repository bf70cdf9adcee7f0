package dev.reelforge.app.observability;

import dev.reelforge.core.jobs.spi.QueueStats;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-queue gauges read from the shared {@link QueueSnapshot}: ready tasks ({@code
 * reelforge_queue_depth}), delayed, running, dead letters and the age of the oldest ready task. The
 * queues are the engine's named ones, so every gauge exists from the start (zero when empty).
 */
public final class QueueMetrics {

  private static final Logger LOG = LoggerFactory.getLogger(QueueMetrics.class);

  private final QueueSnapshot snapshot;

  public QueueMetrics(QueueSnapshot snapshot, MeterRegistry registry) {
    this.snapshot = snapshot;
    for (String queue : snapshot.known()) {
      gauge(registry, "reelforge.queue.depth", "Tasks ready to run now", queue, QueueStats::ready);
      gauge(
          registry,
          "reelforge.queue.delayed",
          "Tasks waiting for a later time (backoff, polling)",
          queue,
          QueueStats::delayed);
      gauge(registry, "reelforge.queue.running", "Tasks running now", queue, QueueStats::running);
      gauge(
          registry,
          "reelforge.queue.dead.letters",
          "Dead tasks awaiting an operator",
          queue,
          QueueStats::dead);
      gauge(
          registry,
          "reelforge.queue.oldest.ready.age.seconds",
          "How long the oldest ready task has waited",
          queue,
          s -> s.oldestReadyAge().map(Duration::toMillis).orElse(0L) / 1000.0);
    }
  }

  private void gauge(
      MeterRegistry registry,
      String name,
      String description,
      String queue,
      ToDoubleFunction<QueueStats> value) {
    Gauge.builder(name, this, self -> self.read(queue).map(value::applyAsDouble).orElse(0.0))
        .description(description)
        .tag("queue", queue)
        .register(registry);
  }

  private Optional<QueueStats> read(String queue) {
    try {
      return Optional.ofNullable(snapshot.current().get(queue));
    } catch (RuntimeException e) {
      // The database may be restarting: the scrape goes on with NaN-free zeros, health tells why.
      LOG.debug("queue statistics unavailable: {}", e.getMessage());
      return Optional.empty();
    }
  }
}
