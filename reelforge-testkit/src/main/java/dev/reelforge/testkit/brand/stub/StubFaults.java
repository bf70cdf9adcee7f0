package dev.reelforge.testkit.brand.stub;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Failures a stub was told to produce, each for the next so many calls, in the order they were
 * asked for; none left means the stub behaves.
 */
final class StubFaults<F> {

  private final Deque<F> queue = new ArrayDeque<>();

  synchronized void add(F fault, int times) {
    if (times < 0) {
      throw new IllegalArgumentException("times must not be negative");
    }
    for (int i = 0; i < times; i++) {
      queue.addLast(fault);
    }
  }

  /** The next fault, or null when there is none. */
  synchronized F next() {
    return queue.pollFirst();
  }
}
