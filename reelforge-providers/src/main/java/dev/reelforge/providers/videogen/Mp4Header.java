package dev.reelforge.providers.videogen;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * What a downloaded clip says about itself in its index ({@code moov}, ISO/IEC 14496-12): the video
 * track's sample entry, picture size and the movie's length. Only the index is read — wherever it
 * sits, before or after the media data — so a clip of hundreds of megabytes costs a few kilobytes,
 * and no FFmpeg is needed in the providers module.
 *
 * @param codec the video track's sample entry ({@code avc1} for H.264, {@code hvc1} for H.265)
 * @param width the video track's width in pixels
 * @param height the video track's height in pixels
 * @param durationSeconds the movie's duration
 */
public record Mp4Header(String codec, int width, int height, double durationSeconds) {

  /** Indexes of a few hundred kilobytes are long clips; anything far larger is not an index. */
  private static final long MAX_INDEX_BYTES = 64L << 20;

  private static final Set<String> CONTAINERS = Set.of("trak", "mdia", "minf", "stbl");

  /**
   * Reads {@code file}'s index.
   *
   * @throws IOException when the file cannot be read, is not an MP4 or has no video track
   */
  public static Mp4Header read(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer moov = findMovieBox(channel, file);
      Facts facts = new Facts();
      walk(moov, 0, moov.limit(), facts);
      if (facts.timescale == 0 || facts.codec == null || facts.width <= 0 || facts.height <= 0) {
        throw new IOException(file.getFileName() + " has no video track or no movie header");
      }
      return new Mp4Header(
          facts.codec, facts.width, facts.height, facts.duration / (double) facts.timescale);
    }
  }

  private static ByteBuffer findMovieBox(FileChannel channel, Path file) throws IOException {
    long size = channel.size();
    long at = 0;
    boolean sawFileType = false;
    ByteBuffer header = ByteBuffer.allocate(16);
    while (at + 8 <= size) {
      header.clear();
      channel.read(header, at);
      header.flip();
      if (header.limit() < 8) {
        break;
      }
      long boxSize = Integer.toUnsignedLong(header.getInt(0));
      String type = fourCc(header, 4);
      int headerLength = 8;
      if (boxSize == 1 && header.limit() >= 16) {
        boxSize = header.getLong(8);
        headerLength = 16;
      } else if (boxSize == 0) {
        boxSize = size - at;
      }
      if (boxSize < headerLength || at + boxSize > size) {
        break;
      }
      sawFileType |= type.equals("ftyp");
      if (type.equals("moov")) {
        long bodyLength = boxSize - headerLength;
        if (bodyLength > MAX_INDEX_BYTES) {
          throw new IOException(file.getFileName() + " has an index of " + bodyLength + " bytes");
        }
        ByteBuffer body = ByteBuffer.allocate((int) bodyLength);
        while (body.hasRemaining()) {
          if (channel.read(body, at + headerLength + body.position()) < 0) {
            throw new IOException(file.getFileName() + " ends inside its index");
          }
        }
        return body.flip();
      }
      at += boxSize;
    }
    throw new IOException(
        file.getFileName() + (sawFileType ? " has no movie index (moov)" : " is not an MP4 file"));
  }

  private static final class Facts {
    String codec;
    int width;
    int height;
    long timescale;
    long duration;
    int trackWidth;
    int trackHeight;
  }

  private static void walk(ByteBuffer data, int from, int to, Facts facts) {
    int at = from;
    while (at + 8 <= to) {
      long size = Integer.toUnsignedLong(data.getInt(at));
      String type = fourCc(data, at + 4);
      int header = 8;
      if (size == 1) {
        size = data.getLong(at + 8);
        header = 16;
      } else if (size == 0) {
        size = to - at;
      }
      if (size < header || at + size > to) {
        return;
      }
      int body = at + header;
      switch (type) {
        case "mvhd" -> movieHeader(data, body, facts);
        case "tkhd" -> trackHeader(data, body, facts);
        case "stsd" -> sampleDescription(data, body, facts);
        default -> {
          if (CONTAINERS.contains(type)) {
            walk(data, body, (int) (at + size), facts);
          }
        }
      }
      at = (int) (at + size);
    }
  }

  private static void movieHeader(ByteBuffer data, int body, Facts facts) {
    if (data.get(body) == 1) {
      facts.timescale = Integer.toUnsignedLong(data.getInt(body + 20));
      facts.duration = data.getLong(body + 24);
    } else {
      facts.timescale = Integer.toUnsignedLong(data.getInt(body + 12));
      facts.duration = Integer.toUnsignedLong(data.getInt(body + 16));
    }
  }

  // A track header's size is 16.16 fixed point; audio tracks have none, which tells them apart.
  private static void trackHeader(ByteBuffer data, int body, Facts facts) {
    int sizeAt = body + (data.get(body) == 1 ? 88 : 76);
    facts.trackWidth = data.getInt(sizeAt) >>> 16;
    facts.trackHeight = data.getInt(sizeAt + 4) >>> 16;
  }

  private static void sampleDescription(ByteBuffer data, int body, Facts facts) {
    boolean video = facts.trackWidth > 0 && facts.trackHeight > 0;
    if (video && facts.codec == null) {
      facts.codec = fourCc(data, body + 12);
      facts.width = facts.trackWidth;
      facts.height = facts.trackHeight;
    }
  }

  private static String fourCc(ByteBuffer data, int at) {
    byte[] name = new byte[4];
    data.get(at, name);
    return new String(name, StandardCharsets.ISO_8859_1);
  }
}
