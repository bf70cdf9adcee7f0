package dev.reelforge.media.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.DoubleUnaryOperator;

/** Writes 16-bit mono PCM WAV files from a signal function of time. */
public final class Wav {

  public static final int RATE = 48_000;

  private Wav() {}

  public static Path write(Path file, double seconds, DoubleUnaryOperator signal)
      throws IOException {
    int samples = (int) Math.round(seconds * RATE);
    ByteBuffer pcm = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < samples; i++) {
      double value = Math.max(-1, Math.min(1, signal.applyAsDouble((double) i / RATE)));
      pcm.putShort((short) Math.round(value * 32767));
    }
    ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
    header.put("RIFF".getBytes()).putInt(36 + samples * 2).put("WAVE".getBytes());
    header.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1);
    header.putInt(RATE).putInt(RATE * 2).putShort((short) 2).putShort((short) 16);
    header.put("data".getBytes()).putInt(samples * 2);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(header.array());
    out.write(pcm.array());
    Files.write(file, out.toByteArray());
    return file;
  }
}
