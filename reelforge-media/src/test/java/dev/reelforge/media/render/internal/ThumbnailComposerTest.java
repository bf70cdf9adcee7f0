package dev.reelforge.media.render.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.render.RenderPreset;
import dev.reelforge.core.timeline.BrandColours;
import dev.reelforge.media.captions.FontLibrary;
import dev.reelforge.media.procedural.DesignPainter;
import dev.reelforge.media.procedural.DesignStyle;
import dev.reelforge.media.procedural.Palette;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Thumbnails never put their title over the picture's own lettering. */
class ThumbnailComposerTest {

  private static final String HOOK =
      "The Moon is drifting away from Earth by about 3.8 centimetres every year";

  private final ThumbnailComposer composer = new ThumbnailComposer(FontLibrary.shared());

  @Test
  void onATypographyCardTheTitleKeepsClearOfTheCardsWordInEveryPalette() {
    Canvas square = Canvas.of(RenderPreset.SQUARE);
    for (int p = 0; p < 8; p++) {
      Palette palette = Palette.pick(p);
      BufferedImage card = card(palette, "moon", square);
      boolean[][] lettering = lettering(card, card(palette, "", square));

      ThumbnailComposer.Thumbnail thumbnail =
          composer.compose(List.of(card), Optional.of(HOOK), square);

      Rectangle title = thumbnail.titleBox().orElseThrow();
      Rectangle covered = thumbnail.backing().orElse(title);
      int under = count(lettering, title);
      assertThat(count(lettering, new Rectangle(0, 0, 1080, 1080)))
          .as("the card has lettering to avoid")
          .isGreaterThan(5000);
      if (thumbnail.backing().isEmpty()) {
        assertThat(under).as(palette.name() + ": card lettering under the title").isZero();
      } else {
        assertThat(covered.contains(title)).isTrue();
      }
    }
  }

  @Test
  void overLetteringEverywhereTheTitleGetsAnOpaqueBacking() {
    Canvas square = Canvas.of(RenderPreset.SQUARE);
    BufferedImage page = new BufferedImage(1080, 1080, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = page.createGraphics();
    g.setColor(new Color(0xF4, 0xEE, 0xE0));
    g.fillRect(0, 0, 1080, 1080);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(new Color(0x22, 0x22, 0x22));
    g.setFont(new Font(Font.SERIF, Font.PLAIN, 34));
    for (int y = 40; y < 1080; y += 44) {
      g.drawString("The tide bulges toward the Moon and the day grows longer each year", 10, y);
    }
    g.dispose();

    ThumbnailComposer.Thumbnail thumbnail =
        composer.compose(List.of(page), Optional.of(HOOK), square);

    Rectangle panel = thumbnail.backing().orElseThrow();
    assertThat(panel.contains(thumbnail.titleBox().orElseThrow())).isTrue();
    // Inside the panel the page's dark letters and light paper are gone: only the panel's dark
    // colour and the title's own white (and kicker yellow) letters remain.
    int paper = 0;
    // (Inset by the panel's rounded corners.)
    int inset = panel.height / 8;
    for (int y = panel.y + inset; y < panel.y + panel.height - inset; y += 3) {
      for (int x = panel.x + inset; x < panel.x + panel.width - inset; x += 3) {
        int rgb = thumbnail.image().getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int b = rgb & 0xff;
        // Paper is warm (red well above blue); the title's white and its edges are neutral.
        if (Math.abs(r - 0xF4) < 12 && Math.abs(b - 0xE0) < 12 && r - b > 12) {
          paper++;
        }
      }
    }
    assertThat(paper).isZero();
  }

  @Test
  void aPictureWithoutLetteringIsPreferredToACardWhoseWordWouldCompete() {
    Canvas vertical = Canvas.of(RenderPreset.TIKTOK);
    Palette palette = Palette.pick(2);
    BufferedImage card = card(palette, "moon", vertical);
    BufferedImage plain = card(palette, "", vertical);

    ThumbnailComposer.Thumbnail thumbnail =
        composer.compose(List.of(card, plain), Optional.of(HOOK), vertical);

    // Where the card has its word, the thumbnail shows the plain card.
    boolean[][] lettering = lettering(card, plain);
    Rectangle title = thumbnail.titleBox().orElseThrow();
    int word = 0;
    int plainThere = 0;
    for (int y = 0; y < 1920; y += 2) {
      for (int x = 0; x < 1080; x += 2) {
        if (lettering[y][x] && !title.contains(x, y)) {
          word++;
          plainThere += thumbnail.image().getRGB(x, y) == plain.getRGB(x, y) ? 1 : 0;
        }
      }
    }
    assertThat(word).isGreaterThan(1000);
    assertThat(plainThere).isEqualTo(word);
  }

  @Test
  void withoutAHookTheSharpestPictureIsUsedAsIs() {
    Canvas square = Canvas.of(RenderPreset.SQUARE);
    BufferedImage card = card(Palette.pick(1), "moon", square);
    ThumbnailComposer.Thumbnail thumbnail =
        composer.compose(List.of(card), Optional.empty(), square);
    assertThat(thumbnail.titleBox()).isEmpty();
    assertThat(thumbnail.image().getRGB(540, 450)).isEqualTo(card.getRGB(540, 450));
  }

  @Test
  void withBrandColoursTheTitleSitsOnAPanelOfThePrimaryEvenOverACalmPicture() {
    Canvas square = Canvas.of(RenderPreset.SQUARE);
    BufferedImage calm = card(Palette.pick(1), "", square);
    BrandColours brand = new BrandColours("#1e3a8a", "#ff5fa2", "#a7f3d0");

    ThumbnailComposer.Thumbnail plain = composer.compose(List.of(calm), Optional.of(HOOK), square);
    ThumbnailComposer.Thumbnail branded =
        composer.compose(List.of(calm), Optional.of(HOOK), square, Optional.of(brand));

    assertThat(plain.backing()).as("a calm picture needs no backing").isEmpty();
    Rectangle panel = branded.backing().orElseThrow();
    assertThat(panel.contains(branded.titleBox().orElseThrow())).isTrue();
    int primary = 0;
    int letters = 0;
    int inset = panel.height / 8;
    for (int y = panel.y + inset; y < panel.y + panel.height - inset; y += 3) {
      for (int x = panel.x + inset; x < panel.x + panel.width - inset; x += 3) {
        int rgb = branded.image().getRGB(x, y) & 0xffffff;
        primary += rgb == 0x1e3a8a ? 1 : 0;
        letters += rgb == 0xa7f3d0 || rgb == 0xff5fa2 ? 1 : 0;
      }
    }
    int sampled = (panel.height - 2 * inset) / 3 * ((panel.width - 2 * inset) / 3);
    assertThat(primary).as("the panel is the primary colour").isGreaterThan(sampled / 3);
    assertThat(letters).as("the title is in the brand's letters on it").isGreaterThan(200);
  }

  private static BufferedImage card(Palette palette, String word, Canvas canvas) {
    return DesignPainter.paint(
        DesignStyle.TYPOGRAPHY_CARD, palette, canvas.width(), canvas.height(), word, 12);
  }

  /** Where the card with its word differs from the same card without it: its lettering. */
  private static boolean[][] lettering(BufferedImage with, BufferedImage without) {
    boolean[][] mask = new boolean[with.getHeight()][with.getWidth()];
    for (int y = 0; y < with.getHeight(); y++) {
      for (int x = 0; x < with.getWidth(); x++) {
        int a = with.getRGB(x, y);
        int b = without.getRGB(x, y);
        int d =
            Math.abs(((a >> 16) & 0xff) - ((b >> 16) & 0xff))
                + Math.abs(((a >> 8) & 0xff) - ((b >> 8) & 0xff))
                + Math.abs((a & 0xff) - (b & 0xff));
        mask[y][x] = d > 30;
      }
    }
    return mask;
  }

  private static int count(boolean[][] mask, Rectangle region) {
    int n = 0;
    for (int y = Math.max(0, region.y); y < Math.min(mask.length, region.y + region.height); y++) {
      for (int x = Math.max(0, region.x);
          x < Math.min(mask[0].length, region.x + region.width);
          x++) {
        n += mask[y][x] ? 1 : 0;
      }
    }
    return n;
  }
}
