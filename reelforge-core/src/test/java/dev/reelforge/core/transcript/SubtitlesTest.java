package dev.reelforge.core.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.transcript.Subtitles.Format;
import dev.reelforge.core.transcript.Subtitles.Parsed;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubtitlesTest {

  private static final String SRT =
      """
      1
      00:00:01,000 --> 00:00:04,000
      <i>Welcome</i> to the <b>festival</b>.

      2
      00:00:04,500 --> 00:00:06,000
      - It starts
      - at <font color="#ffff00">noon</font>.
      """;

  private static final String VTT =
      """
      WEBVTT - the festival

      NOTE written by hand
      over two lines

      STYLE
      ::cue { color: yellow }

      intro
      00:01.000 --> 00:04.000 align:start position:10%
      <v Anna>Welcome to the <c.loud>festival</c>.</v>

      01:00:04.500 --> 01:00:06.000
      It starts at <00:00:05.000>noon &amp; ends late.
      """;

  @Test
  void readsSrtCuesWithTheirTimesAndPlainText() {
    Parsed parsed = Subtitles.parse(SRT);
    assertThat(parsed.format()).isEqualTo(Format.SRT);
    assertThat(parsed.cues())
        .containsExactly(
            new SubtitleCue(1, 1000, 4000, "Welcome to the festival."),
            new SubtitleCue(2, 4500, 6000, "- It starts - at noon."));
  }

  @Test
  void readsWebVttSkippingHeaderNotesAndStylesAndStrippingVoiceAndClassTags() {
    Parsed parsed = Subtitles.parse(VTT);
    assertThat(parsed.format()).isEqualTo(Format.VTT);
    assertThat(parsed.cues())
        .containsExactly(
            new SubtitleCue(1, 1000, 4000, "Welcome to the festival."),
            new SubtitleCue(2, 3_604_500, 3_606_000, "It starts at noon & ends late."));
  }

  @Test
  void aByteOrderMarkAndWindowsOrOldMacLineEndsReadTheSame() {
    Parsed plain = Subtitles.parse(SRT);
    assertThat(Subtitles.parse("\uFEFF" + SRT.replace("\n", "\r\n"))).isEqualTo(plain);
    assertThat(Subtitles.parse(SRT.replace("\n", "\r"))).isEqualTo(plain);
    assertThat(Subtitles.parse("\uFEFF" + VTT.replace("\n", "\r\n")).format())
        .isEqualTo(Format.VTT);
  }

  @Test
  void anEndBeforeItsStartNamesTheLine() {
    String srt = SRT + "\n3\n00:00:07,000 --> 00:00:05,000\nBackwards.\n";
    assertRefused(srt, "transcript: line 11: end 00:00:05,000 is before start 00:00:07,000");
  }

  @Test
  void overlappingOrOutOfOrderCuesAreRefused() {
    String overlapping = SRT + "\n3\n00:00:05,500 --> 00:00:08,000\nToo early.\n";
    assertRefused(
        overlapping,
        "line 11: cue 3 starts at 00:00:05,500, before cue 2 ends at 00:00:06,000 (cues must be in"
            + " time order and must not overlap)");
  }

  @Test
  void malformedTimestampsAreRefusedWithTheExpectedShape() {
    assertRefused(
        "1\n00:00:01,000 --> 00:00:61,000\nSixty-one seconds.\n",
        "line 2: bad end time '00:00:61,000' (expected HH:MM:SS,mmm)");
    assertRefused(
        "1\n0:01 --> 00:00:02,000\nShort.\n",
        "line 2: bad start time '0:01' (expected HH:MM:SS,mmm)");
    assertRefused(
        "WEBVTT\n\n00:01,000 --> 00:02.000\ncomma\n",
        "line 3: bad start time '00:01,000' (expected HH:MM:SS.mmm or MM:SS.mmm)");
  }

  @Test
  void structuralMistakesNameTheirLine() {
    assertRefused("Hello there\n", "line 1: expected a cue number or a timing line");
    assertRefused("1\nHello there\n", "line 2: expected a timing line 'start --> end'");
    assertRefused(
        "1\n00:00:01,000 --> 00:00:02,000\nOne\n00:00:02,000 --> 00:00:03,000\nTwo\n",
        "line 4: a timing line inside a cue's text");
    assertRefused("1\n00:00:01,000 -> 00:00:02,000\nArrow\n", "line 2: expected a timing line");
  }

  @Test
  void emptyFilesAndFilesWithoutCuesAreRefused() {
    assertRefused("", "transcript: the file is empty");
    assertRefused("\uFEFF \r\n\n", "transcript: the file is empty");
    assertRefused("WEBVTT\n\nNOTE nothing else\n", "transcript: the file has no cues");
  }

  @Test
  void tooLongFilesAndTooManyCuesAreRefused() {
    assertRefused("x".repeat(Subtitles.MAX_CHARS + 1), "characters; at most 5000000 are read");
    StringBuilder many = new StringBuilder();
    for (int i = 0; i <= Subtitles.MAX_CUES; i++) {
      many.append(i + 1)
          .append('\n')
          .append(CueTimes.format(i * 1000L, ','))
          .append(" --> ")
          .append(CueTimes.format(i * 1000L + 500, ','))
          .append("\nhi\n\n");
    }
    assertRefused(many.toString(), "more than 30000 cues");
  }

  @Test
  void wordTimesAreSpreadOverEachCueByLength() {
    Transcript transcript =
        Subtitles.toTranscript(
            List.of(new SubtitleCue(1, 1000, 2200, "An elephant, - ♪ walks.")), "en-US", "x");
    // "An" 2, "elephant," 9, "walks." 6 characters: 17 in all over 1200 ms.
    assertThat(transcript.words())
        .containsExactly(
            new TranscriptWord("An", 1000, 1141, 1.0),
            new TranscriptWord("elephant,", 1141, 1776, 1.0),
            new TranscriptWord("walks.", 1776, 2200, 1.0));
  }

  @Test
  void aProvidedTranscriptSaysItsTimesAreEstimatedAndWhichFormatItCameFrom() {
    Transcript srt = Subtitles.parse(SRT).toTranscript("en-US");
    assertThat(srt.source()).isEqualTo(new TranscriptSource("provided-srt", "", true));
    assertThat(srt.text()).isEqualTo("Welcome to the festival. It starts at noon.");
    assertThat(srt.words().getFirst().startMillis()).isEqualTo(1000);
    assertThat(srt.words().getLast().endMillis()).isEqualTo(6000);
    Transcript vtt = Subtitles.parse(VTT).toTranscript("en-US");
    assertThat(vtt.source().engine()).isEqualTo("provided-vtt");
    assertThat(vtt.language()).isEqualTo("en-US");
  }

  private static void assertRefused(String text, String message) {
    assertThatThrownBy(() -> Subtitles.parse(text))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
              assertThat(e.violations().getFirst().field()).isEqualTo("transcript");
            })
        .hasMessageContaining(message);
  }
}
