package dev.reelforge.providers.publish;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Reads one chunk of a file: only that chunk is held in memory, never the whole video. */
public final class FileRanges {

  private FileRanges() {}

  /** The {@code length} bytes of {@code file} from {@code offset}. */
  public static byte[] read(Path file, long offset, int length) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer buffer = ByteBuffer.allocate(length);
      long at = offset;
      while (buffer.hasRemaining()) {
        int read = channel.read(buffer, at);
        if (read < 0) {
          throw new ReelForgeException(
              ErrorCode.INTERNAL_ERROR,
              file + " ended at " + at + " bytes, before the " + (offset + length) + " expected");
        }
        at += read;
      }
      return buffer.array();
    } catch (IOException e) {
      throw new ReelForgeException(ErrorCode.INTERNAL_ERROR, "could not read " + file, e);
    }
  }
}
