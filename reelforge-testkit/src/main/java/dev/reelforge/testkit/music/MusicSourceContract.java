package dev.reelforge.testkit.music;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reelforge.core.music.Mood;
import dev.reelforge.core.music.Music;
import dev.reelforge.core.music.MusicRequest;
import dev.reelforge.core.music.MusicSource;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every {@link MusicSource} promises. */
public abstract class MusicSourceContract {

  protected abstract MusicSource source();

  @Test
  void musicIsAnAudibleUnclippedWavOfTheLengthAsked(@TempDir Path dir) throws Exception {
    Music music =
        source().compose(new MusicRequest(Mood.UPLIFTING, 12_345, 1), dir.resolve("m.wav"));
    assertThat(music.durationMillis()).isCloseTo(12_345L, within(20L));
    try (AudioInputStream in = AudioSystem.getAudioInputStream(music.audio().toFile())) {
      double seconds = in.getFrameLength() / in.getFormat().getFrameRate();
      assertThat(seconds * 1000).isCloseTo(12_345, within(20.0));
      double[] levels = levels(in.readAllBytes(), in.getFormat().isBigEndian());
      assertThat(levels[0]).as("RMS").isGreaterThan(0.02);
      assertThat(levels[1]).as("peak").isLessThan(0.99);
    }
    assertThat(music.licence()).isNotNull();
    assertThat(music.licence().source()).isNotBlank();
  }

  /** {RMS, peak} of 16-bit PCM. */
  protected static double[] levels(byte[] pcm, boolean bigEndian) {
    ByteBuffer buffer =
        ByteBuffer.wrap(pcm).order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    double sum = 0;
    double peak = 0;
    int n = pcm.length / 2;
    for (int i = 0; i < n; i++) {
      double v = buffer.getShort(i * 2) / 32768.0;
      sum += v * v;
      peak = Math.max(peak, Math.abs(v));
    }
    return new double[] {Math.sqrt(sum / n), peak};
  }
}
