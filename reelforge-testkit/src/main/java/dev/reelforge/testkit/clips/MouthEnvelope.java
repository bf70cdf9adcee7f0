package dev.reelforge.testkit.clips;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** How far the drawn mouth opens on each frame, and where speech is, from the audio's loudness. */
final class MouthEnvelope {

  /** Quieter than this (dB below full scale) is a pause, not speech. */
  private static final double SPEECH_FLOOR_DB = -40;

  private static final long BRIDGED_GAP_MILLIS = 300;
  private static final long SHORTEST_SPEECH_MILLIS = 200;

  private MouthEnvelope() {}

  /** The opening per frame in [0,1]: the frame's RMS relative to the loud frames' level. */
  static double[] perFrame(short[] samples, int sampleRate, int fps) {
    double[] rms = frameRms(samples, sampleRate, fps);
    double[] sorted = rms.clone();
    Arrays.sort(sorted);
    double loud = sorted.length == 0 ? 1 : Math.max(1e-4, sorted[(int) (sorted.length * 0.95)]);
    double[] opening = new double[rms.length];
    for (int i = 0; i < rms.length; i++) {
      opening[i] = Math.min(1, rms[i] / loud);
      if (decibels(rms[i]) < SPEECH_FLOOR_DB) {
        opening[i] = 0;
      }
    }
    return opening;
  }

  /** Where someone speaks, from the loudness: pauses under 300 ms are bridged. */
  static List<TalkingHeadTruth.Speech> speech(
      short[] samples, int sampleRate, List<TalkingHeadTruth.Turn> turns) {
    int fps = 100;
    double[] rms = frameRms(samples, sampleRate, fps);
    List<TalkingHeadTruth.Speech> speech = new ArrayList<>();
    long start = -1;
    long lastLoud = -1;
    for (int i = 0; i <= rms.length; i++) {
      long time = i * 1000L / fps;
      boolean loud = i < rms.length && decibels(rms[i]) >= SPEECH_FLOOR_DB;
      if (loud) {
        if (start < 0) {
          start = time;
        } else if (time - lastLoud > BRIDGED_GAP_MILLIS) {
          add(speech, start, lastLoud + 1000 / fps, turns);
          start = time;
        }
        lastLoud = time;
      }
    }
    if (start >= 0) {
      add(speech, start, lastLoud + 1000 / fps, turns);
    }
    return speech;
  }

  private static void add(
      List<TalkingHeadTruth.Speech> speech, long from, long to, List<TalkingHeadTruth.Turn> turns) {
    if (to - from < SHORTEST_SPEECH_MILLIS) {
      return;
    }
    int speaker = turns.getFirst().speaker();
    for (TalkingHeadTruth.Turn turn : turns) {
      if (turn.fromMillis() <= from) {
        speaker = turn.speaker();
      }
    }
    speech.add(new TalkingHeadTruth.Speech(from, to, speaker));
  }

  private static double[] frameRms(short[] samples, int sampleRate, int fps) {
    int frames = (int) ((long) samples.length * fps / sampleRate);
    double[] rms = new double[frames];
    for (int f = 0; f < frames; f++) {
      int from = (int) ((long) f * sampleRate / fps);
      int to = (int) Math.min(samples.length, (long) (f + 1) * sampleRate / fps);
      double sum = 0;
      for (int i = from; i < to; i++) {
        sum += (double) samples[i] * samples[i];
      }
      rms[f] = to > from ? Math.sqrt(sum / (to - from)) / 32768.0 : 0;
    }
    return rms;
  }

  private static double decibels(double rms) {
    return rms > 0 ? 20 * Math.log10(rms) : -200;
  }
}
