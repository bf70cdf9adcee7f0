package dev.reelforge.testkit.transcribe.stub;

import java.util.ArrayDeque;
import java.util.Deque;

/** Failures a stub was told to produce, each for the next so many calls, in the order asked. */
final class Faults<F> {

  private final Deque<F> queue = new ArrayDeque<>();

  synchronized void add(F fault, int times) {
    for (int i = 0; i < times; i++) {
      queue.addLast(fault);
    }
  }

  /** The next fault, or null when there is none. */
  synchronized F next() {
    return queue.pollFirst();
  }
}
