package dev.reelforge.media.probe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists the top-level boxes of an MP4 file. {@code moov} before {@code mdat} is what {@code
 * +faststart} promises: a player can start before the whole file has arrived.
 */
public final class Mp4Boxes {

  private Mp4Boxes() {}

  public static List<String> topLevel(Path file) {
    List<String> boxes = new ArrayList<>();
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long position = 0;
      long size = channel.size();
      ByteBuffer header = ByteBuffer.allocate(16);
      while (position + 8 <= size) {
        header.clear();
        channel.read(header, position);
        header.flip();
        long boxSize = Integer.toUnsignedLong(header.getInt());
        byte[] type = new byte[4];
        header.get(type);
        if (boxSize == 1 && header.remaining() >= 8) {
          boxSize = header.getLong();
        } else if (boxSize == 0) {
          boxSize = size - position;
        }
        if (boxSize < 8) {
          break;
        }
        boxes.add(new String(type, StandardCharsets.ISO_8859_1));
        position += boxSize;
      }
      return boxes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether the index comes before the media data. */
  public static boolean fastStart(Path file) {
    List<String> boxes = topLevel(file);
    int moov = boxes.indexOf("moov");
    int mdat = boxes.indexOf("mdat");
    return moov >= 0 && mdat >= 0 && moov < mdat;
  }
}
