package dev.reelforge.providers.music;

import java.io.IOException;
import java.nio.file.Path;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

/**
 * A {@link Composition} as a standard MIDI file, with General MIDI instruments chosen per layer:
 * warm pad, fingered bass, harp for the arpeggio, and the GM drum kit on channel 10.
 */
final class MidiScore {

  static final int TICKS_PER_BEAT = 480;

  private static final int PAD_CHANNEL = 0;
  private static final int BASS_CHANNEL = 1;
  private static final int PLUCK_CHANNEL = 2;
  private static final int DRUM_CHANNEL = 9;

  /** GM programs, counted from 0: Pad 2 (warm), Electric Bass (finger), Orchestral Harp. */
  private static final int PAD_PROGRAM = 89;

  private static final int BASS_PROGRAM = 33;
  private static final int PLUCK_PROGRAM = 46;

  private MidiScore() {}

  static Sequence of(Composition piece) throws InvalidMidiDataException {
    Sequence sequence = new Sequence(Sequence.PPQ, TICKS_PER_BEAT);
    Track track = sequence.createTrack();
    int microsPerBeat = 60_000_000 / piece.style().bpm();
    byte[] tempo = {
      (byte) (microsPerBeat >> 16), (byte) (microsPerBeat >> 8), (byte) microsPerBeat
    };
    track.add(new MidiEvent(new MetaMessage(0x51, tempo, 3), 0));
    setUp(track, PAD_CHANNEL, PAD_PROGRAM, 80, 64);
    setUp(track, BASS_CHANNEL, BASS_PROGRAM, 100, 64);
    setUp(track, PLUCK_CHANNEL, PLUCK_PROGRAM, 70, 64);
    track.add(control(DRUM_CHANNEL, 7, 70, 0));
    double ticksPerSecond = TICKS_PER_BEAT * piece.style().bpm() / 60.0;
    for (Composition.Note note : piece.notes()) {
      long on = Math.round(note.start() * ticksPerSecond);
      long off = Math.max(on + 1, Math.round((note.start() + note.length()) * ticksPerSecond));
      int channel =
          switch (note.part()) {
            case PAD -> PAD_CHANNEL;
            case BASS -> BASS_CHANNEL;
            case PLUCK -> PLUCK_CHANNEL;
            case KICK, HAT -> DRUM_CHANNEL;
          };
      int velocity =
          switch (note.part()) {
            case PAD -> 64;
            case BASS -> 88;
            case PLUCK -> note.pan() < 0.5 ? 72 : 60;
            case KICK -> 96;
            case HAT -> 44;
          };
      track.add(message(ShortMessage.NOTE_ON, channel, note.midi(), velocity, on));
      track.add(message(ShortMessage.NOTE_OFF, channel, note.midi(), 0, off));
    }
    return sequence;
  }

  static void write(Composition piece, Path file) throws IOException {
    try {
      MidiSystem.write(of(piece), 1, file.toFile());
    } catch (InvalidMidiDataException e) {
      throw new IOException("could not write the MIDI score", e);
    }
  }

  private static void setUp(Track track, int channel, int program, int volume, int pan)
      throws InvalidMidiDataException {
    track.add(message(ShortMessage.PROGRAM_CHANGE, channel, program, 0, 0));
    track.add(control(channel, 7, volume, 0));
    track.add(control(channel, 10, pan, 0));
  }

  private static MidiEvent control(int channel, int controller, int value, long tick)
      throws InvalidMidiDataException {
    return message(ShortMessage.CONTROL_CHANGE, channel, controller, value, tick);
  }

  private static MidiEvent message(int command, int channel, int data1, int data2, long tick)
      throws InvalidMidiDataException {
    return new MidiEvent(new ShortMessage(command, channel, data1, data2), tick);
  }
}
