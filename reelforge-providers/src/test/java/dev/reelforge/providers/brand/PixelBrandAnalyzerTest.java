package dev.reelforge.providers.brand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.reelforge.core.brand.BrandAnalysis;
import dev.reelforge.core.brand.BrandAnalysis.PaletteColour;
import dev.reelforge.core.brand.BrandAnalysis.Role;
import dev.reelforge.core.brand.Scores;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.providers.tools.LocalTool;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PixelBrandAnalyzerTest {

  private static final LocalTool TESSERACT = LocalTool.onPath("tesseract");

  /** An analyser that never reads words, whatever this machine has installed. */
  private static final PixelBrandAnalyzer WITHOUT_OCR =
      new PixelBrandAnalyzer(LocalTool.onPath("reelforge-no-such-tesseract"));

  @TempDir Path dir;

  @Test
  void theLogoColourOfAFlatLogoIsInItsPaletteAsTheSubjectOnAWhiteBackground() {
    BrandAnalysis analysis = WITHOUT_OCR.analyze(png(BrandImages.logo(1024, ""), "logo"));

    PaletteColour page = analysis.palette().getFirst();
    assertThat(page.hex()).isEqualTo("#ffffff");
    assertThat(page.role()).isEqualTo(Role.BACKGROUND);
    // The disc covers π·0.3² ≈ 28 % of the square.
    assertThat(page.share()).isBetween(0.68, 0.76);
    PaletteColour mark = closest(analysis, "#d62828");
    assertThat(Lab.fromHex(mark.hex()).distance(Lab.fromHex("#d62828"))).isLessThan(2.0);
    assertThat(mark.role()).isEqualTo(Role.SUBJECT);
    assertThat(mark.share()).isBetween(0.24, 0.32);
    // Anti-aliased edge pixels are not colours of their own.
    assertThat(analysis.palette()).hasSize(2);
    assertThat(analysis.analyzer()).isEqualTo("local/pixels-1");
  }

  @Test
  void aMarkOnADarkPageIsSubjectAndAFullBleedPictureHasNoBackground() {
    BufferedImage navy = BrandImages.flat(800, 600, new Color(0x14213d));
    Graphics2D g = navy.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(new Color(0xffd60a));
    g.fill(new Rectangle2D.Double(250, 150, 300, 300));
    g.dispose();
    BrandAnalysis onNavy = WITHOUT_OCR.analyze(png(navy, "navy"));
    assertThat(closest(onNavy, "#14213d").role()).isEqualTo(Role.BACKGROUND);
    assertThat(closest(onNavy, "#ffd60a").role()).isEqualTo(Role.SUBJECT);
    assertThat(onNavy.brandEssencePrompt()).contains("yellow (#ffd60a)").contains("on deep navy");

    BrandAnalysis photo = WITHOUT_OCR.analyze(png(BrandImages.textured(1024, 768, 7), "photo"));
    assertThat(photo.palette()).extracting(PaletteColour::role).containsOnly(Role.SUBJECT);
    assertThat(photo.palette()).hasSizeBetween(3, 6);
  }

  @Test
  void aUniformGreyPictureIsFlaggedAsNearUniform() {
    BrandAnalysis grey = WITHOUT_OCR.analyze(png(BrandImages.flat(512, 512, Color.GRAY), "grey"));

    assertThat(grey.flagged()).isTrue();
    assertThat(grey.scores().integrity()).isLessThan(Scores.INTEGRITY_FLOOR);
    assertThat(grey.flaggedReason().orElseThrow())
        .startsWith("integrity 0.00 below 0.4: image is near-uniform (contrast 0.00)");
  }

  @Test
  void aTinyHeavilyBlurredJpegIsFlaggedNamingWhy() {
    BufferedImage tiny =
        BrandImages.blurred(BrandImages.scaled(BrandImages.textured(512, 512, 3), 64, 64), 3, 3);
    BrandAnalysis analysis = WITHOUT_OCR.analyze(BrandImages.jpegThenPng(tiny, 0.15f, dir, "tiny"));

    assertThat(analysis.flagged()).isTrue();
    assertThat(analysis.flaggedReason().orElseThrow())
        .matches("integrity 0\\.[0-3]\\d below 0\\.4: image is .+")
        .contains("heavily blurred (sharpness 0.")
        .contains("tiny (64×64)");
    assertThat(analysis.quality().resolution()).isEqualTo(64 / 1024.0);
  }

  @Test
  void aCrispLogoAndATexturedPhotographAreNotFlagged() {
    BrandAnalysis logo = WITHOUT_OCR.analyze(png(BrandImages.logo(1024, "ACME"), "logo"));
    BrandAnalysis photo = WITHOUT_OCR.analyze(png(BrandImages.textured(1024, 1024, 5), "photo"));

    for (BrandAnalysis analysis : List.of(logo, photo)) {
      assertThat(analysis.flagged()).isFalse();
      assertThat(analysis.scores().integrity()).isGreaterThanOrEqualTo(0.8);
      assertThat(analysis.quality().sharpness()).isGreaterThan(0.9);
      assertThat(analysis.quality().blockiness()).isLessThan(0.1);
    }
  }

  @Test
  void aFlatSquareWhoseEdgesSitOnTheJpegGridIsNeitherBlockyNorBlurred() {
    // Every edge of this square lies on an 8-pixel block boundary, as a seam would.
    BufferedImage square = BrandImages.flat(512, 512, Color.WHITE);
    Graphics2D g = square.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(64, 64, 256, 256);
    g.dispose();
    BrandAnalysis analysis = WITHOUT_OCR.analyze(png(square, "square"));

    assertThat(analysis.flagged()).as(analysis.flaggedReason().orElse("")).isFalse();
    assertThat(analysis.quality().sharpness()).isGreaterThan(0.9);
    assertThat(analysis.quality().blockiness()).isLessThan(0.1);
    assertThat(Lab.fromHex(closest(analysis, "#ff0000").hex()).distance(Lab.fromHex("#ff0000")))
        .isLessThan(2.0);
  }

  @Test
  void aHeavilyCompressedJpegStillReadsBlockyAndItsSeamsDoNotPassForSharpness() {
    BrandAnalysis textured =
        WITHOUT_OCR.analyze(
            BrandImages.jpegThenPng(BrandImages.textured(1024, 1024, 2), 0.15f, dir, "tex"));
    assertThat(textured.quality().blockiness()).isGreaterThan(0.5);

    // Blurred before compression, its only hard steps are the block seams.
    BufferedImage soft = BrandImages.blurred(BrandImages.textured(1024, 1024, 3), 3, 3);
    BrandAnalysis blurred = WITHOUT_OCR.analyze(BrandImages.jpegThenPng(soft, 0.05f, dir, "soft"));
    assertThat(blurred.quality().blockiness()).isGreaterThan(0.9);
    assertThat(blurred.quality().sharpness()).isLessThan(0.1);
    assertThat(blurred.flagged()).isTrue();
  }

  @Test
  void everyScoreIsWithinTheUnitIntervalWithTwoDecimals() {
    List<Path> pictures =
        List.of(
            png(BrandImages.logo(600, "ACME"), "a"),
            png(BrandImages.textured(700, 500, 1), "b"),
            png(BrandImages.flat(300, 300, Color.BLACK), "c"),
            png(BrandImages.flat(300, 300, Color.WHITE), "d"),
            BrandImages.jpegThenPng(BrandImages.textured(256, 256, 2), 0.05f, dir, "e"));
    for (Path picture : pictures) {
      Scores s = WITHOUT_OCR.analyze(picture).scores();
      for (double score : new double[] {s.physics(), s.vibe(), s.logic(), s.integrity()}) {
        assertThat(score).isBetween(0.0, 1.0);
        assertThat(Math.abs(score * 100 - Math.round(score * 100))).isLessThan(1e-9);
      }
    }
  }

  @Test
  void theScoresFollowTheirMeasuresInThePicture() {
    BrandAnalysis plain = WITHOUT_OCR.analyze(png(BrandImages.logo(1024, ""), "plain"));
    BrandAnalysis lettered = WITHOUT_OCR.analyze(png(BrandImages.logo(1024, "ACME"), "text"));
    BrandAnalysis textured = WITHOUT_OCR.analyze(png(BrandImages.textured(1024, 1024, 4), "tex"));
    BrandAnalysis grey = WITHOUT_OCR.analyze(png(greyscale(BrandImages.logo(1024, "")), "grey"));

    assertThat(lettered.scores().logic()).isGreaterThan(plain.scores().logic() + 0.2);
    assertThat(textured.scores().physics()).isGreaterThan(plain.scores().physics() + 0.2);
    assertThat(plain.scores().vibe()).isGreaterThan(grey.scores().vibe());

    double previous = 1.01;
    for (int radius : new int[] {0, 1, 2, 4}) {
      BufferedImage soft =
          radius == 0
              ? BrandImages.logo(1024, "")
              : BrandImages.blurred(BrandImages.logo(1024, ""), radius, 3);
      double integrity = WITHOUT_OCR.analyze(png(soft, "blur" + radius)).scores().integrity();
      assertThat(integrity).as("blur radius %d", radius).isLessThanOrEqualTo(previous);
      previous = integrity;
    }
    assertThat(previous).isLessThan(Scores.INTEGRITY_FLOOR);
  }

  @Test
  void theEssenceNamesThePaletteInWordsAndHexAndTheMood() {
    BrandAnalysis analysis = WITHOUT_OCR.analyze(png(BrandImages.logo(1024, ""), "logo"));

    assertThat(analysis.brandEssencePrompt())
        .isEqualTo(
            "Bold minimal brand mark in crimson (#d62828) on clean white (#ffffff); bright, high"
                + " contrast, flat graphic");
    assertThat(analysis.invariantElements())
        .containsExactly(
            "crimson #d62828 brand colour", "flat graphic mark", "white #ffffff background");
  }

  @Test
  void withoutTesseractLetteringIsFoundHeuristicallyAndNothingIsRead() {
    BrandAnalysis lettered = WITHOUT_OCR.analyze(png(BrandImages.logo(1024, "ACME"), "text"));
    BrandAnalysis plain = WITHOUT_OCR.analyze(png(BrandImages.logo(1024, ""), "plain"));
    BrandAnalysis photo = WITHOUT_OCR.analyze(png(BrandImages.textured(1024, 1024, 9), "photo"));

    assertThat(lettered.text().present()).isTrue();
    assertThat(lettered.text().reader()).isEqualTo("heuristic");
    assertThat(lettered.text().text()).isEmpty();
    assertThat(lettered.text().coverage()).isBetween(0.01, 0.2);
    assertThat(lettered.brandEssencePrompt()).endsWith("; with lettering");
    assertThat(plain.text().present()).isFalse();
    assertThat(photo.text().present()).isFalse();
  }

  @Test
  void tesseractReadsTheWordmarkIntoTheEssenceAndTheInvariants() {
    assumeTrue(TESSERACT.installed(), "tesseract is not installed: " + TextFinder.INSTALL_HINT);
    PixelBrandAnalyzer analyzer = new PixelBrandAnalyzer(TESSERACT);

    BrandAnalysis lettered = analyzer.analyze(png(BrandImages.logo(1024, "ACME"), "text"));
    BrandAnalysis photo = analyzer.analyze(png(BrandImages.textured(1024, 1024, 7), "photo"));

    assertThat(lettered.text().reader()).isEqualTo("tesseract");
    assertThat(lettered.text().text()).isEqualTo("ACME");
    assertThat(lettered.text().coverage()).isBetween(0.01, 0.2);
    assertThat(lettered.brandEssencePrompt()).endsWith("; wordmark 'ACME'").contains("#d62828");
    assertThat(lettered.invariantElements()).contains("wordmark 'ACME'");
    assertThat(photo.text().present()).as("texture read as %s", photo.text().text()).isFalse();
    // The OCR's scratch folder is gone.
    assertThat(dir.toFile().list()).allMatch(name -> !name.startsWith("."));
  }

  @Test
  void theSamePictureGivesTheSameAnalysis() {
    Path picture = png(BrandImages.textured(640, 480, 11), "same");
    assertThat(WITHOUT_OCR.analyze(picture)).isEqualTo(WITHOUT_OCR.analyze(picture));
  }

  @Test
  void aFileThatIsNotAPictureIsRefusedAsInvalidInput() throws Exception {
    Path text = Files.writeString(dir.resolve("note.png"), "not a picture");
    assertThatThrownBy(() -> WITHOUT_OCR.analyze(text))
        .isInstanceOfSatisfying(
            ReelForgeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
  }

  private Path png(BufferedImage image, String name) {
    return BrandImages.png(image, dir.resolve(name + ".png"));
  }

  private static PaletteColour closest(BrandAnalysis analysis, String hex) {
    Lab target = Lab.fromHex(hex);
    return analysis.palette().stream()
        .min(
            (a, b) ->
                Double.compare(
                    Lab.fromHex(a.hex()).distance(target), Lab.fromHex(b.hex()).distance(target)))
        .orElseThrow();
  }

  private static BufferedImage greyscale(BufferedImage colour) {
    BufferedImage grey =
        new BufferedImage(colour.getWidth(), colour.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = grey.createGraphics();
    g.drawImage(colour, 0, 0, null);
    g.dispose();
    BufferedImage rgb =
        new BufferedImage(colour.getWidth(), colour.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D h = rgb.createGraphics();
    h.drawImage(grey, 0, 0, null);
    h.dispose();
    return rgb;
  }
}
