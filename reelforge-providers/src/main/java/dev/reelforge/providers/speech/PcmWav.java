package dev.reelforge.providers.speech;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * Raw 16-bit little-endian mono PCM, as OpenAI ({@code response_format=pcm}, 24 kHz) and ElevenLabs
 * ({@code output_format=pcm_24000}) return it, written as a WAV file. Asking for PCM spares an MP3
 * decoder, which the JDK lacks.
 */
public final class PcmWav {

  private PcmWav() {}

  public static long write(byte[] pcm, int sampleRate, Path output) {
    AudioFormat format = new AudioFormat(sampleRate, 16, 1, true, false);
    long frames = pcm.length / 2;
    try {
      Path parent = output.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path temp = Files.createTempFile(parent, ".speech-", ".wav");
      try (AudioInputStream stream =
          new AudioInputStream(
              new ByteArrayInputStream(pcm, 0, (int) frames * 2), format, frames)) {
        AudioSystem.write(stream, AudioFileFormat.Type.WAVE, temp.toFile());
        Files.move(
            temp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Math.round(frames * 1000.0 / sampleRate);
  }
}
