package dev.reelforge.bench;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;

/**
 * Measures enqueue→start latency: submits tasks {@code 0..count-1} at a fixed rate and records, for
 * each, the nanos from the submit call's return to the moment its handler calls {@link
 * #started(int)}. Negative indexes (pre-queued throughput tasks) are ignored.
 */
final class LatencyProbe {

  private final Map<Integer, Long> startedAt = new ConcurrentHashMap<>();

  void started(int index) {
    if (index >= 0) {
      startedAt.putIfAbsent(index, System.nanoTime());
    }
  }

  long[] measure(int count, int perSecond, IntConsumer submit) throws InterruptedException {
    long[] submittedAt = new long[count];
    long interval = 1_000_000_000L / perSecond;
    long next = System.nanoTime();
    for (int i = 0; i < count; i++) {
      while (System.nanoTime() < next) {
        Thread.onSpinWait();
      }
      submit.accept(i);
      submittedAt[i] = System.nanoTime();
      next += interval;
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (startedAt.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    long[] latencies = new long[count];
    for (int i = 0; i < count; i++) {
      latencies[i] = startedAt.getOrDefault(i, deadline) - submittedAt[i];
    }
    return latencies;
  }
}
