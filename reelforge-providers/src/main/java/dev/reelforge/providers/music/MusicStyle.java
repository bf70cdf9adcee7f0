package dev.reelforge.providers.music;

import dev.reelforge.core.music.Mood;

/**
 * How each mood is played: tempo, key, chord progression (one chord per bar, as semitones above the
 * key's root), and which layers play. Progressions are the common ones for each feel.
 *
 * @param barsPerChord how long each chord lasts; slow moods breathe over two bars
 */
record MusicStyle(
    int bpm,
    int rootMidi,
    int[][] progression,
    int barsPerChord,
    boolean drums,
    boolean arpeggio,
    double padCutoffHz) {

  private static final int[] MAJOR_I = {0, 4, 7};
  private static final int[] MAJOR_IV = {5, 9, 12};
  private static final int[] MAJOR_V = {7, 11, 14};
  private static final int[] MINOR_VI = {9, 12, 16};
  private static final int[] MINOR_II = {2, 5, 9};
  private static final int[] MINOR_I = {0, 3, 7};
  private static final int[] MINOR_IV = {5, 8, 12};
  private static final int[] MAJOR_III_OF_MINOR = {3, 7, 10};
  private static final int[] MAJOR_VI_OF_MINOR = {8, 12, 15};
  private static final int[] MAJOR_VII_OF_MINOR = {10, 14, 17};

  static MusicStyle of(Mood mood) {
    return switch (mood) {
      // I–V–vi–IV in C: the bright, forward pop progression.
      case UPLIFTING ->
          new MusicStyle(
              100, 60, new int[][] {MAJOR_I, MAJOR_V, MINOR_VI, MAJOR_IV}, 1, true, true, 2400);
      // Imaj7–IVmaj7 in F, slow, no drums.
      case CALM ->
          new MusicStyle(
              72, 65, new int[][] {{0, 4, 7, 11}, {5, 9, 12, 16}}, 2, false, false, 1200);
      // i–VI–III–VII in D minor with a driving pulse.
      case TENSE ->
          new MusicStyle(
              92,
              62,
              new int[][] {MINOR_I, MAJOR_VI_OF_MINOR, MAJOR_III_OF_MINOR, MAJOR_VII_OF_MINOR},
              1,
              true,
              true,
              1600);
      // I–vi–ii–V in G, bouncy.
      case PLAYFUL ->
          new MusicStyle(
              116, 67, new int[][] {MAJOR_I, MINOR_VI, MINOR_II, MAJOR_V}, 1, true, true, 3200);
      // i–iv in A minor, sparse arpeggio, no drums.
      case MYSTERIOUS ->
          new MusicStyle(80, 57, new int[][] {MINOR_I, MINOR_IV}, 2, false, true, 1000);
    };
  }
}
