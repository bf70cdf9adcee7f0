package dev.reelforge.testkit.clips;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A signal with speech's rhythm, for fixtures that need a voice but no words: sentences of voiced
 * syllables (a harmonic buzz at the speaker's pitch, 4-6 syllables a second) separated by pauses of
 * near silence. Each speaker has their own pitch. Deterministic for a seed.
 */
public final class SpeechLikeAudio {

  /** Pitch per speaker: a lower and a higher voice. */
  private static final double[] PITCH_HZ = {115, 205};

  private static final double PEAK = 0.35 * 32767;
  private static final double NOISE_FLOOR = 0.0006 * 32767;

  private SpeechLikeAudio() {}

  /** Samples and where the sentences are. */
  public record Audio(short[] samples, int sampleRate, List<TalkingHeadTruth.Speech> sentences) {}

  /**
   * Generates {@code durationMillis} of speech-like sound, each turn spoken by its speaker.
   *
   * @param turns who speaks from when, in order, the first from 0
   */
  public static Audio generate(
      long durationMillis, int sampleRate, List<TalkingHeadTruth.Turn> turns, long seed) {
    Random random = new Random(seed);
    short[] samples = new short[(int) (durationMillis * sampleRate / 1000)];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (short) Math.round(random.nextGaussian() * NOISE_FLOOR);
    }
    List<TalkingHeadTruth.Speech> sentences = new ArrayList<>();
    for (int t = 0; t < turns.size(); t++) {
      TalkingHeadTruth.Turn turn = turns.get(t);
      long turnEnd = t + 1 < turns.size() ? turns.get(t + 1).fromMillis() : durationMillis;
      // Each turn opens with a short breath and leaves a gap before the next speaker.
      long at = turn.fromMillis() + 300;
      while (at < turnEnd - 700) {
        long length = Math.min(2000 + random.nextInt(3000), turnEnd - 500 - at);
        if (length < 600) {
          break;
        }
        speakSentence(samples, sampleRate, at, length, PITCH_HZ[turn.speaker() % 2], random);
        sentences.add(new TalkingHeadTruth.Speech(at, at + length, turn.speaker()));
        at += length + 600 + random.nextInt(900);
      }
    }
    return new Audio(samples, sampleRate, List.copyOf(sentences));
  }

  private static void speakSentence(
      short[] samples, int rate, long fromMillis, long lengthMillis, double pitch, Random random) {
    int start = (int) (fromMillis * rate / 1000);
    int end = Math.min(samples.length, (int) ((fromMillis + lengthMillis) * rate / 1000));
    int i = start;
    double phase = 0;
    while (i < end) {
      int syllable = (int) ((110 + random.nextInt(140)) * rate / 1000L);
      int gap = (int) ((20 + random.nextInt(60)) * rate / 1000L);
      double loudness = 0.55 + 0.45 * random.nextDouble();
      double glide = (random.nextDouble() - 0.5) * 0.25;
      for (int k = 0; k < syllable && i + k < end; k++) {
        double progress = (double) k / syllable;
        double envelope = Math.sin(Math.PI * progress);
        double f0 = pitch * (1 + glide * progress);
        phase += 2 * Math.PI * f0 / rate;
        double buzz = 0;
        for (int h = 1; h <= 12; h++) {
          // A falling spectrum with a bump near 500-700 Hz, roughly like an open vowel.
          double formant = 1 + 1.5 * Math.exp(-Math.pow((h * f0 - 600) / 250, 2));
          buzz += Math.sin(h * phase) * formant / h;
        }
        double value = samples[i + k] + PEAK * loudness * envelope * envelope * buzz / 2.2;
        samples[i + k] = (short) Math.max(-32767, Math.min(32767, Math.round(value)));
      }
      i += syllable + gap;
    }
  }
}
