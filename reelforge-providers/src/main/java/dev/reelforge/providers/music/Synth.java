package dev.reelforge.providers.music;

import java.util.Random;

/**
 * A small software synthesiser that renders a {@link Composition} into stereo samples: a filtered
 * saw pad on the chords, a sine/triangle bass on the roots, a plucked arpeggio, and a soft kick
 * with a noise hat, with a feedback delay for space. Everything is computed here, offline and
 * deterministically (the seed varies the oscillators' phases and the hat's noise).
 */
final class Synth {

  static final int RATE = 48_000;

  private final MusicStyle style;
  private final Random random;
  private final float[] left;
  private final float[] right;

  Synth(MusicStyle style, long seed, int samples) {
    this.style = style;
    this.random = new Random(seed);
    this.left = new float[samples];
    this.right = new float[samples];
  }

  /** Renders {@code composition}; returns {left, right}. */
  float[][] render(Composition composition) {
    for (Composition.Note note : composition.notes()) {
      int start = (int) Math.round(note.start() * RATE);
      int length = (int) Math.round(note.length() * RATE);
      if (start >= left.length) {
        continue;
      }
      switch (note.part()) {
        case PAD -> pad(start, length, note.midi(), note.voice());
        case BASS -> bass(start, length, note.midi());
        case PLUCK -> pluck(start, note.midi(), note.pan());
        case KICK -> kick(start);
        case HAT -> hat(start);
      }
    }
    delay((int) (RATE * 60.0 / style.bpm() * 0.75), 0.28f);
    return new float[][] {left, right};
  }

  private static double hz(int midi) {
    return 440 * Math.pow(2, (midi - 69) / 12.0);
  }

  private void pad(int start, int length, int midi, int voice) {
    double attack = RATE * 0.5;
    double release = RATE * 0.8;
    int end = Math.min(left.length, (int) (start + length + release));
    double f1 = hz(midi) * 1.003;
    double f2 = hz(midi) * 0.997;
    double phase1 = random.nextDouble();
    double phase2 = random.nextDouble();
    double low1 = 0;
    double low2 = 0;
    double alpha = 1 - Math.exp(-2 * Math.PI * style.padCutoffHz() / RATE);
    double gain = 0.055;
    for (int i = start; i < end; i++) {
      int t = i - start;
      double env =
          Math.min(1, t / attack) * (t < length ? 1 : Math.max(0, 1 - (t - length) / release));
      phase1 += f1 / RATE;
      phase2 += f2 / RATE;
      double saw1 = 2 * (phase1 - Math.floor(phase1)) - 1;
      double saw2 = 2 * (phase2 - Math.floor(phase2)) - 1;
      low1 += alpha * (saw1 - low1);
      low2 += alpha * (saw2 - low2);
      double pan = 0.5 + (voice % 2 == 0 ? -0.15 : 0.15);
      left[i] += (float) (gain * env * (low1 * (1 - pan) * 2));
      right[i] += (float) (gain * env * (low2 * pan * 2));
    }
  }

  private void bass(int start, int length, int midi) {
    double f = hz(midi);
    int end = Math.min(left.length, start + length);
    for (int i = start; i < end; i++) {
      double t = (double) (i - start) / RATE;
      double env = Math.min(1, t / 0.01) * Math.exp(-t * 1.8);
      double phase = f * t;
      double tri = 2 * Math.abs(2 * (phase - Math.floor(phase + 0.5))) - 1;
      double v = 0.16 * env * (Math.sin(2 * Math.PI * phase) + 0.3 * tri);
      left[i] += (float) v;
      right[i] += (float) v;
    }
  }

  private void pluck(int start, int midi, double pan) {
    double f = hz(midi);
    int end = Math.min(left.length, start + RATE / 2);
    for (int i = Math.max(0, start); i < end; i++) {
      double t = (double) (i - start) / RATE;
      double env = Math.min(1, t / 0.004) * Math.exp(-t * 9);
      double v =
          0.07 * env * (Math.sin(2 * Math.PI * f * t) + 0.25 * Math.sin(4 * Math.PI * f * t));
      left[i] += (float) (v * (1 - pan) * 2);
      right[i] += (float) (v * pan * 2);
    }
  }

  private void kick(int start) {
    int end = Math.min(left.length, start + RATE / 4);
    double phase = 0;
    for (int i = start; i < end; i++) {
      double t = (double) (i - start) / RATE;
      double f = 45 + 75 * Math.exp(-t * 35);
      phase += f / RATE;
      double v = 0.35 * Math.exp(-t * 14) * Math.sin(2 * Math.PI * phase);
      left[i] += (float) v;
      right[i] += (float) v;
    }
  }

  private void hat(int start) {
    int end = Math.min(left.length, start + RATE / 20);
    double previous = 0;
    for (int i = start; i < end; i++) {
      double t = (double) (i - start) / RATE;
      double noise = random.nextDouble() * 2 - 1;
      // A first difference removes the low end: a crude but cheap high-pass.
      double v = 0.03 * Math.exp(-t * 60) * (noise - previous);
      previous = noise;
      left[i] += (float) v;
      right[i] += (float) v;
    }
  }

  /** A feedback delay across channels, for a sense of space. */
  private void delay(int samples, float feedback) {
    for (int i = samples; i < left.length; i++) {
      left[i] += feedback * right[i - samples];
      right[i] += feedback * left[i - samples];
    }
  }
}
