package dev.reelforge.media.clips;

import dev.reelforge.core.clips.LoudnessCurve;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Turns 16-bit mono PCM into one RMS level per step, in dB relative to full scale. Computing it
 * here from decoded samples is simpler and faster than asking FFmpeg's {@code astats} for
 * per-window metadata and parsing it back, and it is exact about where each window starts.
 */
final class LoudnessSteps {

  private static final double FULL_SCALE = 32768.0;

  private final int samplesPerStep;
  private double[] db = new double[64];
  private int steps;
  private double sumOfSquares;
  private int samplesInStep;

  LoudnessSteps(int sampleRate, long stepMillis) {
    this.samplesPerStep = (int) Math.max(1, sampleRate * stepMillis / 1000);
  }

  /** Reads little-endian signed 16-bit samples until the stream ends. */
  void readAll(InputStream in, Runnable checkCancelled) throws IOException {
    byte[] buffer = new byte[1 << 16];
    int carried = 0;
    int read;
    long sinceCheck = 0;
    while ((read = in.read(buffer, carried, buffer.length - carried)) > 0) {
      int available = carried + read;
      int whole = available & ~1;
      for (int i = 0; i < whole; i += 2) {
        add((short) ((buffer[i] & 0xff) | (buffer[i + 1] << 8)));
      }
      carried = available - whole;
      if (carried == 1) {
        buffer[0] = buffer[whole];
      }
      sinceCheck += read;
      if (sinceCheck > 1 << 20) {
        checkCancelled.run();
        sinceCheck = 0;
      }
    }
  }

  void add(short sample) {
    sumOfSquares += (double) sample * sample;
    if (++samplesInStep == samplesPerStep) {
      closeStep();
    }
  }

  private void closeStep() {
    if (steps == db.length) {
      db = Arrays.copyOf(db, steps * 2);
    }
    double rms = Math.sqrt(sumOfSquares / samplesInStep) / FULL_SCALE;
    db[steps++] =
        rms > 0 ? Math.max(LoudnessCurve.SILENCE, 20 * Math.log10(rms)) : LoudnessCurve.SILENCE;
    sumOfSquares = 0;
    samplesInStep = 0;
  }

  /** The curve so far; a last, partial step counts as a step. */
  LoudnessCurve curve(long stepMillis) {
    if (samplesInStep > 0) {
      closeStep();
    }
    return new LoudnessCurve(stepMillis, Arrays.copyOf(db, steps));
  }
}
