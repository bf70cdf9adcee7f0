package dev.reelforge.app.cli;

import dev.reelforge.core.render.RenderListener;
import java.io.PrintStream;
import java.util.Locale;

/** Prints render progress as one line per whole percent step of five, with what is being done. */
final class ProgressLine implements RenderListener {

  private final PrintStream err;
  private int lastPercent = -1;

  ProgressLine(PrintStream err) {
    this.err = err;
  }

  @Override
  public synchronized void progress(double fraction, String step) {
    int percent = (int) Math.floor(fraction * 100);
    if (percent / 5 != lastPercent / 5 || lastPercent < 0) {
      lastPercent = percent;
      err.printf(Locale.ROOT, "%3d%%  %s%n", percent, step);
    }
  }

  void end() {
    err.flush();
  }
}
