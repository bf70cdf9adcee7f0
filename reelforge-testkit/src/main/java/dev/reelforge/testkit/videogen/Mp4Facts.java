package dev.reelforge.testkit.videogen;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What an MP4 file says about itself, read from its boxes (ISO/IEC 14496-12) without FFmpeg, so
 * that the testkit can check any engine's clip: the video codec's sample entry, the picture size,
 * the length, and whether the index ({@code moov}) comes before the media ({@code mdat}).
 *
 * @param codec the video track's sample entry ({@code avc1} for H.264)
 * @param width the video track's width
 * @param height the video track's height
 * @param durationSeconds the movie's duration
 * @param faststart whether {@code moov} precedes {@code mdat}
 */
public record Mp4Facts(
    String codec, int width, int height, double durationSeconds, boolean faststart) {

  private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia", "minf", "stbl");

  /** Reads {@code file}; fails with a message naming what is missing. */
  public static Mp4Facts read(Path file) throws IOException {
    ByteBuffer data = ByteBuffer.wrap(Files.readAllBytes(file));
    List<String> topLevel = new ArrayList<>();
    Facts facts = new Facts();
    walk(data, 0, data.limit(), topLevel, facts, true);
    if (!topLevel.contains("ftyp") || !topLevel.contains("moov") || !topLevel.contains("mdat")) {
      throw new IOException(file + " is not an MP4 (top-level boxes " + topLevel + ")");
    }
    if (facts.codec == null || facts.timescale == 0) {
      throw new IOException(file + " has no video track or no movie header");
    }
    boolean faststart = topLevel.indexOf("moov") < topLevel.indexOf("mdat");
    return new Mp4Facts(
        facts.codec,
        facts.width,
        facts.height,
        facts.duration / (double) facts.timescale,
        faststart);
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

  private static void walk(
      ByteBuffer data, int from, int to, List<String> names, Facts facts, boolean top) {
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
      if (top) {
        names.add(type);
      }
      int body = at + header;
      int end = (int) (at + size);
      switch (type) {
        case "mvhd" -> movieHeader(data, body, facts);
        case "tkhd" -> trackHeader(data, body, facts);
        case "stsd" -> sampleDescription(data, body, facts);
        default -> {
          if (CONTAINERS.contains(type)) {
            walk(data, body, end, names, facts, false);
          }
        }
      }
      at = end;
    }
  }

  private static void movieHeader(ByteBuffer data, int body, Facts facts) {
    int version = data.get(body);
    if (version == 1) {
      facts.timescale = Integer.toUnsignedLong(data.getInt(body + 20));
      facts.duration = data.getLong(body + 24);
    } else {
      facts.timescale = Integer.toUnsignedLong(data.getInt(body + 12));
      facts.duration = Integer.toUnsignedLong(data.getInt(body + 16));
    }
  }

  private static void trackHeader(ByteBuffer data, int body, Facts facts) {
    int version = data.get(body);
    int sizeAt = body + (version == 1 ? 88 : 76);
    facts.trackWidth = data.getInt(sizeAt) >>> 16;
    facts.trackHeight = data.getInt(sizeAt + 4) >>> 16;
  }

  private static void sampleDescription(ByteBuffer data, int body, Facts facts) {
    String entry = fourCc(data, body + 12);
    boolean video = facts.trackWidth > 0 && facts.trackHeight > 0;
    if (video && facts.codec == null) {
      facts.codec = entry;
      facts.width = facts.trackWidth;
      facts.height = facts.trackHeight;
    }
  }

  private static String fourCc(ByteBuffer data, int at) {
    byte[] name = new byte[4];
    data.get(at, name);
    return new String(name, java.nio.charset.StandardCharsets.ISO_8859_1);
  }
}
