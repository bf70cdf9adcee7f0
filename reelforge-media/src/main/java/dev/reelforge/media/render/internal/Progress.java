package dev.reelforge.media.render.internal;

import java.util.function.LongConsumer;
import java.util.function.ObjDoubleConsumer;

/**
 * Turns the steps of a render into one fraction that only moves forward. Work is counted in
 * frame-equivalents: a segment weighs its frames, the soundtrack and the joins a small share.
 */
public final class Progress {

  private final ObjDoubleConsumer<String> listener;
  private final double total;
  private double done;
  private double reported;

  /**
   * @param listener told each step's name and the share of all work done, from 0 to 1
   */
  public Progress(ObjDoubleConsumer<String> listener, double totalUnits) {
    this.listener = listener;
    this.total = Math.max(1, totalUnits);
  }

  /** Starts a step of {@code units}; the returned consumer takes FFmpeg's output time. */
  public LongConsumer step(String name, double units, double stepSeconds) {
    double base = done;
    done += units;
    report(base, name);
    return micros -> {
      double share = stepSeconds <= 0 ? 0 : Math.min(1, micros / 1e6 / stepSeconds);
      report(base + units * share, name);
    };
  }

  /** Marks {@code units} done at once (work found in the cache). */
  public void skip(String name, double units) {
    done += units;
    report(done, name);
  }

  public void finish() {
    report(total, "done");
  }

  private synchronized void report(double units, String name) {
    double fraction = Math.min(1, units / total);
    if (fraction >= reported) {
      reported = fraction;
      listener.accept(name, fraction);
    }
  }
}
