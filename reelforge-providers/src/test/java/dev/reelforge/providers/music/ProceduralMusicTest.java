package dev.reelforge.providers.music;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reelforge.core.music.Mood;
import dev.reelforge.core.music.Music;
import dev.reelforge.core.music.MusicRequest;
import dev.reelforge.core.music.MusicSource;
import dev.reelforge.testkit.music.MusicSourceContract;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProceduralMusicTest extends MusicSourceContract {

  private static final ProceduralMusic MUSIC = new ProceduralMusic();

  @Override
  protected MusicSource source() {
    return MUSIC;
  }

  @ParameterizedTest
  @EnumSource(
      value = Mood.class,
      names = {"UPLIFTING", "TENSE", "PLAYFUL"})
  void theBeatIsAtTheMoodsTempo(Mood mood, @TempDir Path dir) throws Exception {
    Music music = MUSIC.compose(new MusicRequest(mood, 20_000, 7), dir.resolve("m.wav"));
    double[] envelope = envelope(music.audio(), 0.01);
    // Autocorrelation of the level envelope between 40 and 200 beats a minute.
    int bestLag = 0;
    double best = Double.NEGATIVE_INFINITY;
    for (int lag = 30; lag <= 150; lag++) {
      double sum = 0;
      for (int i = 200; i + lag < envelope.length - 200; i++) {
        sum += envelope[i] * envelope[i + lag];
      }
      if (sum > best) {
        best = sum;
        bestLag = lag;
      }
    }
    double measuredBpm = 60 / (bestLag * 0.01);
    assertThat(measuredBpm).isCloseTo(music.bpm(), within(music.bpm() * 0.04));
  }

  @Test
  void itPlaysThroughWithoutGapsAndTheSameSeedGivesTheSameMusic(@TempDir Path dir)
      throws Exception {
    Music a = MUSIC.compose(new MusicRequest(Mood.CALM, 15_000, 3), dir.resolve("a.wav"));
    Music b = MUSIC.compose(new MusicRequest(Mood.CALM, 15_000, 3), dir.resolve("b.wav"));
    Music other = MUSIC.compose(new MusicRequest(Mood.MYSTERIOUS, 15_000, 3), dir.resolve("c.wav"));
    assertThat(Files.readAllBytes(a.audio())).isEqualTo(Files.readAllBytes(b.audio()));
    assertThat(Files.readAllBytes(a.audio())).isNotEqualTo(Files.readAllBytes(other.audio()));
    double[] seconds = envelope(a.audio(), 1.0);
    // Between the fades every second carries sound.
    for (int s = 1; s < seconds.length - 2; s++) {
      assertThat(seconds[s]).as("level in second %d", s).isGreaterThan(0.01);
    }
  }

  /** RMS per window of {@code windowSeconds}, channels mixed. */
  private static double[] envelope(Path wav, double windowSeconds) throws Exception {
    try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
      int channels = in.getFormat().getChannels();
      int rate = (int) in.getFormat().getFrameRate();
      ByteBuffer pcm = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
      int frames = pcm.capacity() / (2 * channels);
      int window = (int) (rate * windowSeconds);
      double[] out = new double[frames / window];
      for (int w = 0; w < out.length; w++) {
        double sum = 0;
        for (int f = w * window; f < (w + 1) * window; f++) {
          for (int c = 0; c < channels; c++) {
            double v = pcm.getShort((f * channels + c) * 2) / 32768.0;
            sum += v * v;
          }
        }
        out[w] = Math.sqrt(sum / (window * channels));
      }
      return out;
    }
  }
}
