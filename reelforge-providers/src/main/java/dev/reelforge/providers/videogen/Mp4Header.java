package dev.reelforge.providers.videogen;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a downloaded MP4 says about its video track, read from its boxes (ISO/IEC 14496-12) without
 * FFmpeg: a vendor's clip is reported with its measured size and length, not the asked ones. Only
 * the index ({@code moov}) is read into memory, wherever it lies in the file (vendors do not all
 * write faststart files); the media is skipped, so a clip of hundreds of megabytes costs a few
 * kilobytes. A file must start with {@code ftyp}: an HTML error page saved as {@code .mp4} is told
 * apart at once.
 *
 * @param codec the video track's sample entry ({@code avc1} for H.264)
 * @param width the video track's width in pixels
 * @param height the video track's height in pixels
 * @param durationSeconds the movie's duration
 */
public record Mp4Header(String codec, int width, int height, double durationSeconds) {

  /** An index is kilobytes for a ten-second clip; a far larger one is not a clip we asked for. */
  static final long MAX_INDEX_BYTES = 32L << 20;

  private static final Set<String> H264 = Set.of("avc1", "avc3");

  /** Whether the video track is H.264. */
  public boolean isH264() {
    return H264.contains(codec);
  }

  /**
   * Reads {@code file}'s index.
   *
   * @throws IOException when the file is not an MP4 or has no video track, saying what is missing
   */
  public static Mp4Header read(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      long at = 0;
      boolean typed = false;
      ByteBuffer index = null;
      while (at + 8 <= size) {
        ByteBuffer head = readAt(channel, at, (int) Math.min(16, size - at));
        long boxSize = Integer.toUnsignedLong(head.getInt(0));
        String type = fourCc(head, 4);
        if (at == 0 && !type.equals("ftyp")) {
          throw new IOException(
              file.getFileName() + " is not an MP4 (it does not start with ftyp)");
        }
        int header = 8;
        if (boxSize == 1 && head.limit() >= 16) {
          boxSize = head.getLong(8);
          header = 16;
        } else if (boxSize == 0) {
          boxSize = size - at;
        }
        if (boxSize < header || at + boxSize > size) {
          throw new IOException(file.getFileName() + " has a truncated '" + type + "' box");
        }
        if (type.equals("ftyp")) {
          typed = true;
        } else if (type.equals("moov")) {
          if (boxSize - header > MAX_INDEX_BYTES) {
            throw new IOException(file.getFileName() + " has an index of " + boxSize + " bytes");
          }
          index = readAt(channel, at + header, (int) (boxSize - header));
        }
        at += boxSize;
      }
      if (!typed) {
        throw new IOException(file.getFileName() + " is not an MP4 (no ftyp box)");
      }
      if (index == null) {
        throw new IOException(file.getFileName() + " has no movie index (moov)");
      }
      try {
        return fromIndex(index, file);
      } catch (IndexOutOfBoundsException malformed) {
        throw new IOException(file.getFileName() + " has a malformed index", malformed);
      }
    }
  }

  private static Mp4Header fromIndex(ByteBuffer moov, Path file) throws IOException {
    long timescale = 0;
    long duration = 0;
    Track video = null;
    for (Box box : Box.children(moov, 0, moov.limit())) {
      if (box.type().equals("mvhd")) {
        int version = moov.get(box.body());
        timescale = Integer.toUnsignedLong(moov.getInt(box.body() + (version == 1 ? 20 : 12)));
        duration =
            version == 1
                ? moov.getLong(box.body() + 24)
                : Integer.toUnsignedLong(moov.getInt(box.body() + 16));
      } else if (box.type().equals("trak") && video == null) {
        Track track = Track.read(moov, box);
        if (track.isVideo()) {
          video = track;
        }
      }
    }
    if (timescale == 0) {
      throw new IOException(file.getFileName() + " has no movie header");
    }
    if (video == null || video.width <= 0 || video.height <= 0) {
      throw new IOException(file.getFileName() + " has no video track");
    }
    return new Mp4Header(video.codec, video.width, video.height, duration / (double) timescale);
  }

  /** One track's handler, display size and first sample entry. */
  private static final class Track {
    String handler = "";
    String codec = "";
    int width;
    int height;

    boolean isVideo() {
      return handler.equals("vide") || (handler.isEmpty() && width > 0 && height > 0);
    }

    static Track read(ByteBuffer data, Box trak) {
      Track track = new Track();
      for (Box box : Box.children(data, trak.body(), trak.end())) {
        if (box.type().equals("tkhd")) {
          int version = data.get(box.body());
          int sizeAt = box.body() + (version == 1 ? 88 : 76);
          track.width = data.getInt(sizeAt) >>> 16;
          track.height = data.getInt(sizeAt + 4) >>> 16;
        } else if (box.type().equals("mdia")) {
          track.media(data, box);
        }
      }
      return track;
    }

    private void media(ByteBuffer data, Box container) {
      for (Box box : Box.children(data, container.body(), container.end())) {
        switch (box.type()) {
          case "hdlr" -> handler = fourCc(data, box.body() + 8);
          case "minf", "stbl" -> media(data, box);
          case "stsd" -> codec = fourCc(data, box.body() + 12);
          default -> {
            // Other boxes say nothing about the picture.
          }
        }
      }
    }
  }

  /** A box inside the index: its type, where its body starts and where it ends. */
  private record Box(String type, int body, int end) {

    static List<Box> children(ByteBuffer data, int from, int to) {
      List<Box> boxes = new ArrayList<>();
      int at = from;
      while (at + 8 <= to) {
        long size = Integer.toUnsignedLong(data.getInt(at));
        int header = 8;
        if (size == 1 && at + 16 <= to) {
          size = data.getLong(at + 8);
          header = 16;
        } else if (size == 0) {
          size = to - at;
        }
        if (size < header || at + size > to) {
          break;
        }
        boxes.add(new Box(fourCc(data, at + 4), at + header, (int) (at + size)));
        at += (int) size;
      }
      return boxes;
    }
  }

  private static ByteBuffer readAt(FileChannel channel, long position, int length)
      throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        throw new EOFException("the file ended inside a box");
      }
    }
    return buffer.flip();
  }

  private static String fourCc(ByteBuffer data, int at) {
    if (at + 4 > data.limit()) {
      return "";
    }
    byte[] name = new byte[4];
    data.get(at, name);
    return new String(name, StandardCharsets.ISO_8859_1);
  }
}
