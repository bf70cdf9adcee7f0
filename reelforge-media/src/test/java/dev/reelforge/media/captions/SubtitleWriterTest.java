package dev.reelforge.media.captions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.timeline.CaptionWord;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubtitleWriterTest {

  private final List<CaptionWord> words =
      List.of(
          new CaptionWord("Fish", 3_600_000 + 61_000, 3_600_000 + 61_400),
          new CaptionWord("&", 3_600_000 + 61_500, 3_600_000 + 61_700),
          new CaptionWord("<chips>", 3_600_000 + 61_800, 3_600_000 + 62_300));
  private final List<CaptionPage> pages =
      List.of(
          new CaptionPage(
              List.of(CaptionLine.of(List.of("Fish", "&", "<chips>"), List.of(0, 1, 2), true)),
              3_600_000 + 61_000,
              3_600_000 + 62_800));

  @Test
  void srtUsesCommasAndTheSpokenCase() {
    assertThat(SubtitleWriter.srt(pages, words))
        .isEqualTo("1\n01:01:01,000 --> 01:01:02,800\nFish & <chips>\n\n");
  }

  @Test
  void vttEscapesMarkupAndTimesEachWordInsideTheCue() {
    assertThat(SubtitleWriter.vtt(pages, words))
        .isEqualTo(
            "WEBVTT\n\n01:01:01.000 --> 01:01:02.800\n"
                + "Fish <01:01:01.500>&amp; <01:01:01.800>&lt;chips&gt;\n\n");
  }
}
