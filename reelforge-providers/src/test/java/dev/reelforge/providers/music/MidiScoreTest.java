package dev.reelforge.providers.music;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.music.Mood;
import java.util.HashSet;
import java.util.Set;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import org.junit.jupiter.api.Test;

class MidiScoreTest {

  @Test
  void everyLayerPlaysOnItsOwnChannelAtTheStylesTempo() throws Exception {
    MusicStyle style = MusicStyle.of(Mood.UPLIFTING);
    Composition piece = Composition.of(style, 3, 10);
    Sequence sequence = MidiScore.of(piece);
    Track track = sequence.getTracks()[0];
    Set<Integer> channelsWithNotes = new HashSet<>();
    int notesOn = 0;
    int tempo = 0;
    for (int i = 0; i < track.size(); i++) {
      MidiEvent event = track.get(i);
      if (event.getMessage() instanceof ShortMessage m && m.getCommand() == ShortMessage.NOTE_ON) {
        channelsWithNotes.add(m.getChannel());
        notesOn++;
      }
      if (event.getMessage() instanceof MetaMessage meta && meta.getType() == 0x51) {
        byte[] d = meta.getData();
        tempo = ((d[0] & 0xFF) << 16) | ((d[1] & 0xFF) << 8) | (d[2] & 0xFF);
      }
    }
    assertThat(channelsWithNotes).containsExactlyInAnyOrder(0, 1, 2, 9);
    assertThat(notesOn).isEqualTo(piece.notes().size());
    assertThat(60_000_000 / tempo).isEqualTo(style.bpm());
    // Ten seconds at 100 bpm is four bars and a bit: the score covers them all.
    assertThat(sequence.getMicrosecondLength()).isGreaterThanOrEqualTo(10_000_000L);
  }

  @Test
  void theSeedChoosesTheArpeggioNotTheHarmony() {
    MusicStyle style = MusicStyle.of(Mood.PLAYFUL);
    Set<String> arpeggios = new HashSet<>();
    for (long seed = 0; seed < 12; seed++) {
      Composition piece = Composition.of(style, seed, 5);
      arpeggios.add(
          piece.notes().stream()
              .filter(n -> n.part() == Composition.Part.PLUCK)
              .limit(8)
              .map(n -> Integer.toString(n.midi()))
              .reduce("", String::concat));
      assertThat(piece.notes().stream().filter(n -> n.part() == Composition.Part.PAD).count())
          .isEqualTo(
              Composition.of(style, 0, 5).notes().stream()
                  .filter(n -> n.part() == Composition.Part.PAD)
                  .count());
    }
    assertThat(arpeggios).hasSizeGreaterThan(1);
  }
}
