package dev.reelforge.app.brand;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The picture types a brand upload may be (seed 001 §5.1: JPEG, PNG, WebP), each known by its MIME
 * type, its first bytes (seed 001 §5.2), the file extensions that may name it and the FFmpeg
 * demuxer that reads it — named explicitly so that FFmpeg never guesses a format from content (a
 * crafted file read as a playlist could make it open other files).
 */
public enum PictureType {
  JPEG("image/jpeg", "jpg", Set.of("jpg", "jpeg", "jpe"), "jpeg_pipe", "mjpeg"),
  PNG("image/png", "png", Set.of("png"), "png_pipe", "png"),
  WEBP("image/webp", "webp", Set.of("webp"), "webp_pipe", "webp");

  private static final byte[] JPEG_MAGIC = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final byte[] RIFF = {'R', 'I', 'F', 'F'};
  private static final byte[] WEBP_TAG = {'W', 'E', 'B', 'P'};

  private final String mimeType;
  private final String extension;
  private final Set<String> extensions;
  private final String demuxer;
  private final String codec;

  PictureType(
      String mimeType, String extension, Set<String> extensions, String demuxer, String codec) {
    this.mimeType = mimeType;
    this.extension = extension;
    this.extensions = extensions;
    this.demuxer = demuxer;
    this.codec = codec;
  }

  /** The MIME type, e.g. {@code image/jpeg}. */
  public String mimeType() {
    return mimeType;
  }

  /** The extension stored files of this type get, without the dot: {@code jpg}, {@code png}. */
  public String extension() {
    return extension;
  }

  /** Whether {@code extension} (lower case, without the dot) names this type. */
  public boolean isNamedBy(String extension) {
    return extensions.contains(extension);
  }

  /** The FFmpeg demuxer that reads exactly this type. */
  String demuxer() {
    return demuxer;
  }

  /** The codec ffprobe reports for this type. */
  String codec() {
    return codec;
  }

  /** The type of a declared MIME type (any case, parameters ignored), if it is one of ours. */
  public static Optional<PictureType> ofMimeType(String declared) {
    if (declared == null) {
      return Optional.empty();
    }
    String bare = declared.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(t -> t.mimeType.equals(bare)).findFirst();
  }

  /** The type of a file name's extension, if it is one of ours. */
  public static Optional<PictureType> ofFilename(String filename) {
    if (filename == null || filename.lastIndexOf('.') < 0) {
      return Optional.empty();
    }
    String extension =
        filename.substring(filename.lastIndexOf('.') + 1).strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(t -> t.isNamedBy(extension)).findFirst();
  }

  /** What the first bytes say the content is (seed 001 §5.2's signatures), if one of ours. */
  public static Optional<PictureType> ofContent(byte[] bytes) {
    if (startsWith(bytes, 0, JPEG_MAGIC)) {
      return Optional.of(JPEG);
    }
    if (startsWith(bytes, 0, PNG_MAGIC)) {
      return Optional.of(PNG);
    }
    if (startsWith(bytes, 0, RIFF) && startsWith(bytes, 8, WEBP_TAG)) {
      return Optional.of(WEBP);
    }
    return Optional.empty();
  }

  /** The accepted MIME types, in words for error messages. */
  static String accepted() {
    return "image/jpeg, image/png or image/webp";
  }

  private static boolean startsWith(byte[] bytes, int offset, byte[] magic) {
    return bytes.length >= offset + magic.length
        && Arrays.equals(bytes, offset, offset + magic.length, magic, 0, magic.length);
  }
}
