package dev.reelforge.providers.music;

import dev.reelforge.core.licence.MediaLicence;
import dev.reelforge.core.music.Music;
import dev.reelforge.core.music.MusicRequest;
import dev.reelforge.core.music.MusicSource;
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
 * The offline music: a piece composed for the mood (tempo, key, progression, layers from {@link
 * MusicStyle}) and synthesised in this process ({@link Synth}) to exactly the length asked, with a
 * fade in and out, peaks at −3 dBFS. Nobody else holds rights in it.
 */
public final class ProceduralMusic implements MusicSource {

  public static final String NAME = "procedural";

  private static final double PEAK = Math.pow(10, -3 / 20.0);
  private static final double FADE_IN_SECONDS = 1.0;
  private static final double FADE_OUT_SECONDS = 2.0;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Music compose(MusicRequest request, Path output) {
    MusicStyle style = MusicStyle.of(request.mood());
    int samples = (int) Math.round(request.durationMillis() * Synth.RATE / 1000.0);
    float[][] channels = new Synth(style, request.seed(), samples).render();
    master(channels);
    write(channels, output);
    return new Music(
        output,
        Math.round(samples * 1000.0 / Synth.RATE),
        request.mood(),
        style.bpm(),
        MediaLicence.generated(NAME));
  }

  /** Fades, then scales so the loudest sample sits at {@link #PEAK}. */
  private static void master(float[][] channels) {
    int n = channels[0].length;
    int fadeIn = (int) Math.min(n / 4, FADE_IN_SECONDS * Synth.RATE);
    int fadeOut = (int) Math.min(n / 4, FADE_OUT_SECONDS * Synth.RATE);
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

  private static void write(float[][] channels, Path output) {
    int n = channels[0].length;
    ByteBuffer pcm = ByteBuffer.allocate(n * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < n; i++) {
      pcm.putShort((short) Math.round(channels[0][i] * 32767));
      pcm.putShort((short) Math.round(channels[1][i] * 32767));
    }
    AudioFormat format = new AudioFormat(Synth.RATE, 16, 2, true, false);
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
}
