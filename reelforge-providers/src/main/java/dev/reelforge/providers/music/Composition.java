package dev.reelforge.providers.music;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The notes of a piece for a {@link MusicStyle}, independent of how they are sounded: the
 * in-process {@link Synth} plays them, {@link MidiScore} writes them for FluidSynth. One chord per
 * {@code barsPerChord} bars: a pad on the chord tones, the root in the bass twice a bar, an
 * eighth-note arpeggio and a kick/hat pulse where the style has them. The seed picks the arpeggio
 * pattern.
 *
 * @param notes in start order
 * @param seconds how long the piece must last; notes may ring past it and are cut when mastered
 */
record Composition(MusicStyle style, List<Note> notes, double seconds) {

  /** Which layer a note belongs to. */
  enum Part {
    PAD,
    BASS,
    PLUCK,
    KICK,
    HAT
  }

  /**
   * One note.
   *
   * @param voice the pad voice (chord tone) it is, for stereo placement
   * @param pan 0 = left, 1 = right
   */
  record Note(Part part, double start, double length, int midi, int voice, double pan) {}

  private static final int[][] ARPEGGIO_PATTERNS = {
    {0, 1, 2, 3, 2, 1, 0, 1}, {0, 2, 1, 3, 0, 2, 1, 3}, {0, 1, 2, 1, 3, 2, 1, 2}
  };

  static Composition of(MusicStyle style, long seed, double seconds) {
    Random random = new Random(seed);
    int[] arpeggio = ARPEGGIO_PATTERNS[random.nextInt(ARPEGGIO_PATTERNS.length)];
    double beat = 60.0 / style.bpm();
    double bar = beat * 4;
    double chordLength = bar * style.barsPerChord();
    int[][] progression = style.progression();
    List<Note> notes = new ArrayList<>();
    int chord = 0;
    for (double start = 0; start < seconds; start += chordLength, chord++) {
      int[] tones = progression[chord % progression.length];
      int root = style.rootMidi() + tones[0];
      for (int i = 0; i < tones.length; i++) {
        // Alternate voicings keep repeated chords from sounding pasted.
        int octave = (i == 0 && chord % 2 == 1) ? 12 : 0;
        double pan = 0.5 + (i % 2 == 0 ? -0.15 : 0.15);
        notes.add(
            new Note(
                Part.PAD, start, chordLength, style.rootMidi() + tones[i] - 12 + octave, i, pan));
      }
      for (int b = 0; b < style.barsPerChord(); b++) {
        double barStart = start + b * bar;
        notes.add(new Note(Part.BASS, barStart, beat * 2, root - 24, 0, 0.5));
        notes.add(new Note(Part.BASS, barStart + beat * 2, beat * 2, root - 24, 0, 0.5));
        if (style.arpeggio()) {
          for (int step = 0; step < 8; step++) {
            int tone = arpeggio[step];
            int midi = style.rootMidi() + tones[tone % tones.length] + 12 * (tone / tones.length);
            notes.add(
                new Note(
                    Part.PLUCK,
                    barStart + step * beat / 2,
                    beat / 2,
                    midi,
                    0,
                    step % 2 == 0 ? 0.35 : 0.65));
          }
        }
        if (style.drums()) {
          for (int b4 = 0; b4 < 4; b4++) {
            notes.add(new Note(Part.KICK, barStart + b4 * beat, beat / 2, 36, 0, 0.5));
            notes.add(new Note(Part.HAT, barStart + (b4 + 0.5) * beat, beat / 4, 42, 0, 0.5));
          }
        }
      }
    }
    return new Composition(style, List.copyOf(notes), seconds);
  }
}
