package dev.reelforge.testkit.videogen.stub;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The jobs a vendor stub holds and how each advances: one step per poll (or per {@code advance}),
 * from the vendor's first state through its working state to its fate after a set number of steps —
 * finished, failed with a reason, or working forever.
 */
final class StubJobs<J extends StubJobs.Job> {

  /** What a job comes to. */
  enum Fate {
    FINISH,
    FAIL,
    STALL
  }

  /** Where a job stands. */
  enum Stage {
    WAITING,
    WORKING,
    FINISHED,
    FAILED
  }

  /** One job; vendor stubs add what their answers need. */
  static class Job {
    final String id;
    final int width;
    final int height;
    final int seconds;
    final Fate fate;
    final String failure;
    private final int stepsToEnd;
    private int steps;

    Job(String id, int width, int height, int seconds, Fate fate, String failure, int steps) {
      this.id = id;
      this.width = width;
      this.height = height;
      this.seconds = seconds;
      this.fate = fate;
      this.failure = failure;
      this.stepsToEnd = steps;
    }

    synchronized Stage stage() {
      if (steps == 0) {
        return Stage.WAITING;
      }
      if (steps < stepsToEnd || fate == Fate.STALL) {
        return Stage.WORKING;
      }
      return fate == Fate.FINISH ? Stage.FINISHED : Stage.FAILED;
    }

    /** One step on; returns whether the stage changed. */
    synchronized boolean step() {
      Stage before = stage();
      steps++;
      return stage() != before;
    }
  }

  private final Map<String, J> jobs = new ConcurrentHashMap<>();
  private final AtomicInteger accepted = new AtomicInteger();

  void add(J job) {
    jobs.put(job.id, job);
    accepted.incrementAndGet();
  }

  J get(String id) {
    return jobs.get(id);
  }

  J remove(String id) {
    return jobs.remove(id);
  }

  Iterable<J> all() {
    return jobs.values();
  }

  /** Jobs accepted so far (removed ones included). */
  int accepted() {
    return accepted.get();
  }
}
