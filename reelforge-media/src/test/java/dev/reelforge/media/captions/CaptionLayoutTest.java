package dev.reelforge.media.captions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.render.CaptionStyles;
import dev.reelforge.core.timeline.CaptionWord;
import dev.reelforge.media.testing.Fixtures;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaptionLayoutTest {

  private static final FontLibrary FONTS = FontLibrary.shared();

  @Test
  void theBundledDisplayFaceIsDecodedFromWoff() {
    Font display = FONTS.display();
    assertThat(display.getFontName()).containsIgnoringCase("Roboto");
    assertThat(display.canDisplayUpTo("THE MOON 123!")).isEqualTo(-1);
    assertThat(FONTS.body().getFontName()).contains("Liberation Sans");
  }

  @Test
  void pagesHoldAtMostTwoLinesThatFitAndBreakAtSentences() {
    CaptionTypesetter typesetter = new CaptionTypesetter(FONTS, CaptionStyle.BOLD_POP, 80);
    double maxWidth = 700;
    List<CaptionWord> words = Fixtures.words(20);
    List<CaptionPage> pages = new CaptionPager(typesetter, true, maxWidth).paginate(words);

    List<Integer> seen = new ArrayList<>();
    for (CaptionPage page : pages) {
      assertThat(page.lines()).hasSizeBetween(1, 2);
      for (CaptionLine line : page.lines()) {
        assertThat(typesetter.width(line.text())).isLessThanOrEqualTo(maxWidth);
        seen.addAll(line.wordIndexes());
      }
      // A sentence's last word ends its page.
      for (int w = page.firstWord(); w < page.lastWord(); w++) {
        assertThat(words.get(w).text()).doesNotEndWith(".");
      }
      assertThat(page.endMillis()).isGreaterThan(page.startMillis());
    }
    assertThat(seen).isEqualTo(java.util.stream.IntStream.range(0, words.size()).boxed().toList());
  }

  /**
   * Captions carry written words, and a number with its unit is one ("3.8 cm"): where a line is
   * full after "3.8", the whole of "3.8 cm" moves to the next line, in the picture and the SRT.
   */
  @Test
  void aNumberIsNeverSplitFromItsUnit() {
    CaptionTypesetter typesetter = new CaptionTypesetter(FONTS, CaptionStyle.BOLD_POP, 80);
    List<CaptionWord> words =
        List.of(
            new CaptionWord("It", 0, 200),
            new CaptionWord("drifts", 200, 500),
            new CaptionWord("3.8 cm", 500, 1700),
            new CaptionWord("a", 1700, 1800),
            new CaptionWord("year.", 1800, 2200),
            new CaptionWord("That", 2700, 2900),
            new CaptionWord("is", 2900, 3000),
            new CaptionWord("$5.99", 3000, 4200),
            new CaptionWord("per", 4200, 4400),
            new CaptionWord("10 %", 4400, 5300));
    double maxWidth = typesetter.width("IT DRIFTS 3.8") + 1;
    assertThat(typesetter.width("IT DRIFTS 3.8 cm")).isGreaterThan(maxWidth);
    List<CaptionPage> pages = new CaptionPager(typesetter, true, maxWidth).paginate(words);
    List<String> lines =
        pages.stream().flatMap(p -> p.lines().stream()).map(CaptionLine::text).toList();
    // In capitals but for the number's unit: "CM" is not a centimetre.
    assertThat(lines).contains("IT DRIFTS").anyMatch(l -> l.startsWith("3.8 cm"));
    assertThat(lines).noneMatch(l -> l.endsWith("3.8") || l.toLowerCase().startsWith("cm"));
    assertThat(lines).anyMatch(l -> l.contains("10 %"));
    String srt = SubtitleWriter.srt(pages, words);
    assertThat(srt.lines())
        .anyMatch(l -> l.startsWith("3.8 cm"))
        .anyMatch(l -> l.contains("$5.99"));
  }

  @Test
  void chineseAndJapaneseWordsJoinWithoutSpaces() {
    assertThat(CaptionLine.of(List.of("月亮", "正在", "远离"), List.of(0, 1, 2), false).text())
        .isEqualTo("月亮正在远离");
    assertThat(CaptionLine.of(List.of("Hello", "世界"), List.of(0, 1), false).text())
        .isEqualTo("Hello 世界");
    CaptionLine line = CaptionLine.of(List.of("the", "moon"), List.of(4, 5), true);
    assertThat(line.text()).isEqualTo("THE MOON");
    assertThat(line.wordStarts()).containsExactly(0, 4);
  }

  @Test
  void cjkTextIsDrawnWithAnInstalledFallbackFont() {
    String text = "月亮正在远离地球";
    assumeTrue(
        FONTS.canDraw(text, FONTS.display()),
        "skipped: no CJK font installed (.ci/run installs fonts-noto-cjk)");
    Font used = FONTS.fontFor('月', FONTS.display());
    assertThat(used.getFamily()).isNotEqualTo(FONTS.display().getFamily());
    BufferedImage band = paint(CaptionStyle.BOLD_POP, List.of("月亮", "正在", "远离", "地球"), 1);
    assertThat(inkColumns(band)).isGreaterThan(200);
  }

  @Test
  void rightToLeftTextIsShapedAndTheActiveWordIsFoundWhereItIsDrawn() {
    List<String> arabic = List.of("القمر", "يبتعد", "عن", "الأرض");
    assumeTrue(
        FONTS.canDraw(String.join(" ", arabic), FONTS.body()),
        "skipped: no Arabic font installed (.ci/run installs fonts-noto-core)");
    // The first word in reading order is drawn at the right in Arabic; its highlight box must be
    // there too.
    BufferedImage first = paint(CaptionStyle.BOXED, arabic, 0);
    BufferedImage last = paint(CaptionStyle.BOXED, arabic, 3);
    assertThat(boxCentre(first)).isGreaterThan(boxCentre(last));
    assertThat(boxCentre(first)).isGreaterThan(first.getWidth() / 2.0);
  }

  @Test
  void everyStyleNameCoreKnowsHasALookAndUnknownNamesAreRefused() {
    // Features check a user's choice against core's list; each name must draw here, and a look
    // core does not name could never be chosen.
    assertThat(CaptionStyle.names()).isEqualTo(CaptionStyles.NAMES).hasSizeGreaterThanOrEqualTo(3);
    assertThatThrownBy(() -> CaptionStyle.byName("comic-sans"))
        .isInstanceOfSatisfying(
            ReelForgeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
  }

  @Test
  void everyStyleDrawsTheActiveWordDifferently() {
    for (String name : CaptionStyle.names()) {
      CaptionStyle style = CaptionStyle.byName(name);
      BufferedImage a = paint(style, List.of("one", "two", "three"), 0);
      BufferedImage b = paint(style, List.of("one", "two", "three"), 2);
      int different = 0;
      for (int y = 0; y < a.getHeight(); y++) {
        for (int x = 0; x < a.getWidth(); x++) {
          if (a.getRGB(x, y) != b.getRGB(x, y)) {
            different++;
          }
        }
      }
      assertThat(different).as(name).isGreaterThan(300);
    }
  }

  private static BufferedImage paint(CaptionStyle style, List<String> words, int active) {
    CaptionTypesetter typesetter = new CaptionTypesetter(FONTS, style, 72);
    CaptionPainter painter = new CaptionPainter(style, typesetter, 1080, 60, 960);
    List<Integer> indexes = java.util.stream.IntStream.range(0, words.size()).boxed().toList();
    CaptionLine line = CaptionLine.of(words, indexes, style.uppercase());
    return painter.paint(new CaptionPage(List.of(line), 0, 1000), active);
  }

  private static int inkColumns(BufferedImage band) {
    int columns = 0;
    for (int x = 0; x < band.getWidth(); x++) {
      for (int y = 0; y < band.getHeight(); y++) {
        if ((band.getRGB(x, y) >>> 24) > 200) {
          columns++;
          break;
        }
      }
    }
    return columns;
  }

  /** The mean x of the pixels painted in the BOXED style's violet. */
  private static double boxCentre(BufferedImage band) {
    int box = CaptionStyle.BOXED.highlightBox().getRGB() & 0xffffff;
    double sum = 0;
    int count = 0;
    for (int y = 0; y < band.getHeight(); y++) {
      for (int x = 0; x < band.getWidth(); x++) {
        if ((band.getRGB(x, y) & 0xffffff) == box && (band.getRGB(x, y) >>> 24) == 255) {
          sum += x;
          count++;
        }
      }
    }
    assertThat(count).as("box pixels").isGreaterThan(100);
    return sum / count;
  }
}
