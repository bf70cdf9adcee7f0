package dev.reelforge.core.clips.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SubtitleFormatTest {

  private static final String SRT =
      """
      1
      00:00:01,000 --> 00:00:02,500
      Welcome to the talk.

      2
      00:00:02,500 --> 00:00:04,000
      Today: résumés.
      """;

  private static final String VTT =
      """
      WEBVTT - a talk

      00:01.000 --> 00:02.500
      Welcome to the talk.
      """;

  @Test
  void tellsSubRipFromWebVttByTheirFirstLines() {
    assertThat(SubtitleFormat.of(utf8(SRT))).contains(SubtitleFormat.SRT);
    assertThat(SubtitleFormat.of(utf8("\uFEFF\r\n" + SRT.replace("\n", "\r\n"))))
        .as("a byte order mark, blank lines and CRLF")
        .contains(SubtitleFormat.SRT);
    assertThat(SubtitleFormat.of(utf8(VTT))).contains(SubtitleFormat.VTT);
    assertThat(SubtitleFormat.of(utf8("WEBVTT\n"))).contains(SubtitleFormat.VTT);
    assertThat(SubtitleFormat.VTT.mimeType()).isEqualTo("text/vtt");
  }

  @Test
  void aCutInsideAMultiByteCharacterAtTheEndOfTheHeadIsForgiven() {
    byte[] whole = utf8(SRT);
    int cut = SRT.indexOf("é") + 1; // inside the two bytes of é
    byte[] head = Arrays.copyOf(whole, utf8(SRT.substring(0, cut - 1)).length + 1);
    assertThat(SubtitleFormat.of(head)).contains(SubtitleFormat.SRT);
  }

  @Test
  void otherTextAndBinaryAreNeither() {
    assertThat(SubtitleFormat.of(utf8("WEBVTTX\n"))).isEmpty();
    assertThat(SubtitleFormat.of(utf8("Just a transcript, no times.\n"))).isEmpty();
    assertThat(SubtitleFormat.of(utf8("1\nWelcome\n"))).isEmpty();
    assertThat(SubtitleFormat.of(utf8(""))).isEmpty();
    assertThat(SubtitleFormat.of(new byte[] {'1', '\n', 0, 0, 0})).isEmpty();
    assertThat(SubtitleFormat.of(new byte[] {(byte) 0xff, (byte) 0xfe, '1', 0, '\n', 0}))
        .as("UTF-16")
        .isEmpty();
    assertThat(SubtitleFormat.of(ChunkedUploadsTest.mp4Bytes(1024, 3))).isEmpty();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
