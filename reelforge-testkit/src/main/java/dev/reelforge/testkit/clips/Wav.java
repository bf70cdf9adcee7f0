package dev.reelforge.testkit.clips;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Mono 16-bit PCM in and out of the fixtures. */
public final class Wav {

  private Wav() {}

  /** Writes a mono 16-bit PCM WAV. */
  public static void write(Path file, short[] samples, int sampleRate) {
    ByteBuffer bytes = ByteBuffer.allocate(44 + samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    bytes.put("RIFF".getBytes()).putInt(36 + samples.length * 2).put("WAVE".getBytes());
    bytes.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1);
    bytes.putInt(sampleRate).putInt(sampleRate * 2).putShort((short) 2).putShort((short) 16);
    bytes.put("data".getBytes()).putInt(samples.length * 2);
    for (short s : samples) {
      bytes.putShort(s);
    }
    try {
      Files.write(file, bytes.array());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Any audio FFmpeg reads, as mono 16-bit samples at {@code sampleRate}. */
  public static short[] decode(String ffmpeg, Path audio, int sampleRate, Path work) {
    try {
      Path raw = Files.createTempFile(work, "decoded-", ".s16");
      Process process =
          new ProcessBuilder(
                  List.of(
                      ffmpeg,
                      "-hide_banner",
                      "-nostdin",
                      "-v",
                      "error",
                      "-y",
                      "-i",
                      audio.toString(),
                      "-vn",
                      "-ac",
                      "1",
                      "-ar",
                      String.valueOf(sampleRate),
                      "-f",
                      "s16le",
                      raw.toString()))
              .redirectErrorStream(true)
              .start();
      String log = new String(process.getInputStream().readAllBytes());
      if (process.waitFor() != 0) {
        throw new IllegalStateException("FFmpeg could not decode " + audio + ": " + log);
      }
      ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(raw)).order(ByteOrder.LITTLE_ENDIAN);
      short[] samples = new short[bytes.remaining() / 2];
      bytes.asShortBuffer().get(samples);
      return samples;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while decoding " + audio, e);
    }
  }
}
