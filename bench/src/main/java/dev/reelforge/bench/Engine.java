package dev.reelforge.bench;

/** One job engine under test: how long N pre-queued no-op tasks take, and enqueue→start latency. */
interface Engine extends AutoCloseable {

  String name();

  /** Vacuums and analyses the engine's tables, as autovacuum would in a steady state. */
  void settle() throws Exception;

  /** Queues {@code count} no-op tasks without executing them. */
  void enqueue(int count) throws Exception;

  /** Starts the workers and waits until every queued task ran; returns the elapsed nanos. */
  long drain(int count) throws Exception;

  /**
   * With idle workers running, submits {@code count} tasks at {@code perSecond}, and returns for
   * each the nanos from the submit call's return (the commit) to the handler's start.
   */
  long[] latencies(int count, int perSecond) throws Exception;
}
