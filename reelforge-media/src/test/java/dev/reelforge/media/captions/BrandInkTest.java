package dev.reelforge.media.captions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.timeline.BrandColours;
import java.awt.Color;
import org.junit.jupiter.api.Test;

/** The brand's colours go where they read, and legible fallbacks where they would not. */
class BrandInkTest {

  private static final Color PINK = new Color(0xff5fa2);
  private static final Color MINT = new Color(0xa7f3d0);
  private static final Color NAVY = new Color(0x1e3a8a);

  @Test
  void contrastIsWcagsRatio() {
    assertThat(BrandInk.contrast(Color.WHITE, Color.BLACK)).isCloseTo(21, within());
    assertThat(BrandInk.contrast(Color.RED, Color.RED)).isCloseTo(1, within());
    // #767676 on white is the classic grey that just passes AA.
    assertThat(BrandInk.contrast(new Color(0x767676), Color.WHITE)).isCloseTo(4.54, within());
  }

  @Test
  void readableBrandColoursReplaceTheStylesTextAndSpokenWord() {
    CaptionStyle style =
        new BrandInk(new BrandColours("#1e3a8a", "#ff5fa2", "#a7f3d0"))
            .caption(CaptionStyle.BOLD_POP);

    assertThat(style.text()).isEqualTo(MINT);
    assertThat(style.highlight()).isEqualTo(PINK);
    assertThat(style.highlightBox()).isNull();
    assertThat(style.outlineRatio()).isEqualTo(CaptionStyle.BOLD_POP.outlineRatio());
    assertThat(style.name()).isEqualTo("bold-pop");
  }

  @Test
  void aDarkTextColourKeepsWhiteLettersAndADarkAccentBecomesABox() {
    // Navy text would vanish into the black outline; a navy accent too.
    BrandInk ink = new BrandInk(new BrandColours("#ffffff", "#1e3a8a", "#1e3a8a"));

    CaptionStyle boldPop = ink.caption(CaptionStyle.BOLD_POP);
    assertThat(boldPop.text()).isEqualTo(Color.WHITE);
    assertThat(boldPop.highlightBox()).isEqualTo(NAVY);
    assertThat(boldPop.highlight()).isEqualTo(Color.WHITE);

    CaptionStyle karaoke = ink.caption(CaptionStyle.KARAOKE);
    assertThat(karaoke.spoken()).as("no navy letters for spoken words").isNull();

    // Minimal's see-through white keeps its transparency.
    assertThat(ink.caption(CaptionStyle.MINIMAL).text().getAlpha())
        .isEqualTo(CaptionStyle.MINIMAL.text().getAlpha());
  }

  @Test
  void theBoxedStyleBoxesTheSpokenWordInTheAccentAndKaraokeFillsWithIt() {
    BrandInk ink = new BrandInk(new BrandColours("#1e3a8a", "#ff5fa2", "#a7f3d0"));

    CaptionStyle boxed = ink.caption(CaptionStyle.BOXED);
    assertThat(boxed.highlightBox()).isEqualTo(PINK);
    assertThat(boxed.highlight()).isEqualTo(MINT);

    CaptionStyle karaoke = ink.caption(CaptionStyle.KARAOKE);
    assertThat(karaoke.highlight()).isEqualTo(PINK);
    assertThat(karaoke.spoken()).isEqualTo(PINK);
  }

  @Test
  void theTitleSitsOnThePrimaryInLettersThatReadOnIt() {
    TitleInk readable = new BrandInk(new BrandColours("#1e3a8a", "#ff5fa2", "#a7f3d0")).title();
    assertThat(readable.backing()).contains(NAVY);
    assertThat(readable.letters()).isEqualTo(MINT);
    // Pink on navy is under 4.5:1, so the kicker takes the letters' colour.
    assertThat(BrandInk.contrast(PINK, NAVY)).isLessThan(BrandInk.READABLE);
    assertThat(readable.kicker()).isEqualTo(MINT);

    // Mint letters on a pale yellow panel would not read: near-black instead.
    TitleInk pale = new BrandInk(new BrandColours("#fef9c3", "#1e3a8a", "#a7f3d0")).title();
    assertThat(BrandInk.contrast(pale.letters(), new Color(0xfef9c3)))
        .isGreaterThanOrEqualTo(BrandInk.READABLE);
    assertThat(pale.letters()).isNotEqualTo(Color.WHITE).isNotEqualTo(MINT);
    assertThat(pale.kicker()).isEqualTo(NAVY);
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(0.01);
  }
}
