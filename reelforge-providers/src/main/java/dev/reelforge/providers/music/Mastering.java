package dev.reelforge.providers.music;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * The last steps every composed piece goes through: a fade in and out, the loudest sample brought
 * to −3 dBFS, and a 16-bit stereo WAV written atomically.
 */
final class Mastering {

  private static final double PEAK = Math.pow(10, -3 / 20.0);
  private static final double FADE_IN_SECONDS = 1.0;
  private static final double FADE_OUT_SECONDS = 2.0;

  private Mastering() {}

  /** Fades, then scales so the loudest sample sits at {@link #PEAK}. */
  static void master(float[][] channels, int rate) {
    int n = channels[0].length;
    int fadeIn = (int) Math.min(n / 4, FADE_IN_SECONDS * rate);
    int fadeOut = (int) Math.min(n / 4, FADE_OUT_SECONDS * rate);
    double peak = 1e-9;
    for (float[] channel : channels) {
      for (int i = 0; i < n; i++) {
        double gain = 1;
        if (i < fadeIn) {
          gain = (double) i / fadeIn;
        } else if (i >= n - fadeOut) {
          gain = (double) (n - 1 - i) / fadeOut;
        }
        channel[i] *= (float) gain;
        peak = Math.max(peak, Math.abs(channel[i]));
      }
    }
    float scale = (float) (PEAK / peak);
    for (float[] channel : channels) {
      for (int i = 0; i < n; i++) {
        channel[i] *= scale;
      }
    }
  }

  static void write(float[][] channels, int rate, Path output) {
    int n = channels[0].length;
    ByteBuffer pcm = ByteBuffer.allocate(n * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < n; i++) {
      pcm.putShort((short) Math.round(channels[0][i] * 32767));
      pcm.putShort((short) Math.round(channels[1][i] * 32767));
    }
    AudioFormat format = new AudioFormat(rate, 16, 2, true, false);
    try {
      Path parent = output.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path temp = Files.createTempFile(parent, ".music-", ".wav");
      try (AudioInputStream in =
          new AudioInputStream(new ByteArrayInputStream(pcm.array()), format, n)) {
        AudioSystem.write(in, AudioFileFormat.Type.WAVE, temp.toFile());
        Files.move(
            temp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a 16-bit little-endian WAV (mono or stereo) into {left, right}, cut or padded with
   * silence to exactly {@code samples}.
   */
  static float[][] read(Path wav, int samples) throws IOException {
    try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
      AudioFormat format = in.getFormat();
      if (format.getSampleSizeInBits() != 16 || format.isBigEndian()) {
        throw new IOException("expected 16-bit little-endian audio, got " + format);
      }
      int channels = format.getChannels();
      ByteBuffer pcm = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
      float[][] out = new float[2][samples];
      int frames = Math.min(samples, pcm.capacity() / 2 / channels);
      for (int i = 0; i < frames; i++) {
        float l = pcm.getShort((i * channels) * 2) / 32768f;
        float r = channels > 1 ? pcm.getShort((i * channels + 1) * 2) / 32768f : l;
        out[0][i] = l;
        out[1][i] = r;
      }
      return out;
    } catch (javax.sound.sampled.UnsupportedAudioFileException e) {
      throw new IOException("not a WAV file: " + wav, e);
    }
  }
}
