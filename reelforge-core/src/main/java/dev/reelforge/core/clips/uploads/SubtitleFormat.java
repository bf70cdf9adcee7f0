package dev.reelforge.core.clips.uploads;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The transcript files that may come with a video: SubRip ({@code .srt}) and WebVTT ({@code .vtt}),
 * told apart by their first lines rather than by their names. A file that is not UTF-8 text is
 * neither.
 */
public enum SubtitleFormat {
  SRT("application/x-subrip", "srt"),
  VTT("text/vtt", "vtt");

  /** How many first bytes {@link #of} reads: enough for a header, a note and the first cue. */
  public static final int HEAD_BYTES = 1024;

  private static final Pattern VTT_HEADER = Pattern.compile("^WEBVTT(?:[ \\t].*)?$");

  /** A cue's number, then its times: {@code 00:00:01,000 --> 00:00:02,500}. */
  private static final Pattern SRT_TIMES =
      Pattern.compile(
          "^\\d{1,2}:\\d{2}:\\d{2}[,.]\\d{1,3}\\s*-->\\s*\\d{1,2}:\\d{2}:\\d{2}[,.]\\d{1,3}.*$");

  private static final Pattern CUE_NUMBER = Pattern.compile("^\\d{1,9}$");

  private final String mimeType;
  private final String extension;

  SubtitleFormat(String mimeType, String extension) {
    this.mimeType = mimeType;
    this.extension = extension;
  }

  public String mimeType() {
    return mimeType;
  }

  /** The extension stored files of this format get, without the dot. */
  public String extension() {
    return extension;
  }

  /**
   * What the first bytes say the file is. A cut in the middle of a multi-byte character at the end
   * of {@code head} is forgiven; any other malformed UTF-8, or a NUL byte, means binary.
   */
  public static Optional<SubtitleFormat> of(byte[] head) {
    Optional<String> text = utf8(head);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String[] lines = text.get().replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    int i = 0;
    while (i < lines.length && lines[i].isBlank()) {
      i++;
    }
    if (i == lines.length) {
      return Optional.empty();
    }
    if (VTT_HEADER.matcher(lines[i].stripTrailing()).matches()) {
      return Optional.of(VTT);
    }
    if (CUE_NUMBER.matcher(lines[i].strip()).matches()
        && i + 1 < lines.length
        && SRT_TIMES.matcher(lines[i + 1].strip()).matches()) {
      return Optional.of(SRT);
    }
    return Optional.empty();
  }

  private static Optional<String> utf8(byte[] head) {
    int start =
        head.length >= 3
                && head[0] == (byte) 0xef
                && head[1] == (byte) 0xbb
                && head[2] == (byte) 0xbf
            ? 3
            : 0;
    for (int end = head.length; end >= Math.max(start, head.length - 3); end--) {
      try {
        String text =
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(head, start, end - start))
                .toString();
        return text.indexOf('\0') >= 0 ? Optional.empty() : Optional.of(text);
      } catch (CharacterCodingException e) {
        // A multi-byte character cut at the end of the head: try one byte shorter.
      }
    }
    return Optional.empty();
  }
}
