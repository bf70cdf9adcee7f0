package dev.reelforge.core.clips.uploads;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The video containers a long-video upload may be, each known by its first bytes and by the FFmpeg
 * demuxer that reads it — named explicitly, as the brand upload's {@code PictureType} does, so that
 * FFmpeg never guesses a format from content (a file read as a playlist could make it open others).
 *
 * <p>The declared content type and the file name are hints only: what the first bytes say decides.
 */
public enum VideoMagic {
  /** ISO base media (MP4, M4V, 3GP) and QuickTime: an {@code ftyp} box (or an early top box). */
  MP4_OR_QUICKTIME("mov"),
  /** Matroska and WebM: the EBML header {@code 1A 45 DF A3}. */
  MATROSKA("matroska"),
  /** AVI: {@code RIFF}, a size, then {@code AVI }. */
  AVI("avi"),
  /**
   * MPEG transport stream: sync byte {@code 0x47} every 188 bytes (or 192 with M2TS time codes).
   */
  MPEG_TS("mpegts"),
  /** MPEG program stream (VOB, MPG): a pack header {@code 00 00 01 BA}. */
  MPEG_PS("mpeg"),
  /** Flash video: {@code FLV} and version 1. */
  FLV("flv"),
  /** Windows Media (ASF): its header object's GUID. */
  ASF("asf");

  /**
   * How many first bytes {@link #of} wants: a transport stream's third sync byte sits at 376 (and
   * at 388 with M2TS time codes). Fewer are fine when the whole file is shorter.
   */
  public static final int HEAD_BYTES = 400;

  private static final byte[] EBML = {0x1a, 0x45, (byte) 0xdf, (byte) 0xa3};
  private static final byte[] RIFF = ascii("RIFF");
  private static final byte[] AVI_TAG = ascii("AVI ");
  private static final byte[] FLV_TAG = {'F', 'L', 'V', 0x01};
  private static final byte[] PACK = {0, 0, 1, (byte) 0xba};
  private static final byte[] ASF_GUID = {
    0x30, 0x26, (byte) 0xb2, 0x75, (byte) 0x8e, 0x66, (byte) 0xcf, 0x11
  };

  /**
   * The first box types of ISO base media and QuickTime files: {@code ftyp} in every modern file;
   * older QuickTime files start with {@code moov}, {@code mdat}, {@code wide}, {@code free}, {@code
   * skip} or a {@code pnot} preview.
   */
  private static final Set<String> FIRST_BOXES =
      Set.of("ftyp", "moov", "mdat", "wide", "free", "skip", "pnot");

  private static final byte TS_SYNC = 0x47;

  private static final Set<String> DECLARED_TYPES =
      Set.of("application/octet-stream", "application/mp4", "application/x-matroska");

  private final String demuxer;

  VideoMagic(String demuxer) {
    this.demuxer = demuxer;
  }

  /** The FFmpeg demuxer ({@code -f}) that reads exactly this container. */
  public String demuxer() {
    return demuxer;
  }

  /** What the first bytes say the file is, if one of the containers above. */
  public static Optional<VideoMagic> of(byte[] head) {
    if (head.length >= 8
        && FIRST_BOXES.contains(new String(head, 4, 4, StandardCharsets.US_ASCII))) {
      return Optional.of(MP4_OR_QUICKTIME);
    }
    if (startsWith(head, 0, EBML)) {
      return Optional.of(MATROSKA);
    }
    if (startsWith(head, 0, RIFF) && startsWith(head, 8, AVI_TAG)) {
      return Optional.of(AVI);
    }
    if (startsWith(head, 0, FLV_TAG)) {
      return Optional.of(FLV);
    }
    if (startsWith(head, 0, PACK)) {
      return Optional.of(MPEG_PS);
    }
    if (startsWith(head, 0, ASF_GUID)) {
      return Optional.of(ASF);
    }
    if (syncEvery(head, 0, 188) || syncEvery(head, 4, 192)) {
      return Optional.of(MPEG_TS);
    }
    return Optional.empty();
  }

  /**
   * Whether a declared content type may name a video: any {@code video/*}, the generic binary type,
   * or none at all (the first bytes decide in every case).
   */
  public static boolean acceptsDeclaredType(String declared) {
    if (declared == null || declared.isBlank()) {
      return true;
    }
    String bare = declared.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return bare.startsWith("video/") || DECLARED_TYPES.contains(bare);
  }

  /** The accepted containers, in words for error messages. */
  public static String accepted() {
    return "MP4, MOV, MKV, WebM, AVI, MPEG-TS, MPEG-PS, FLV or WMV";
  }

  /**
   * A transport stream has a sync byte at the start of every packet; two packets (three where the
   * bytes are there) rule out a text or binary file that merely starts with {@code G}.
   */
  private static boolean syncEvery(byte[] head, int first, int packet) {
    if (head.length <= first + packet) {
      return false;
    }
    for (int at = first; at < head.length && at <= first + 2 * packet; at += packet) {
      if (head[at] != TS_SYNC) {
        return false;
      }
    }
    return true;
  }

  private static boolean startsWith(byte[] bytes, int offset, byte[] magic) {
    return bytes.length >= offset + magic.length
        && Arrays.equals(bytes, offset, offset + magic.length, magic, 0, magic.length);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
