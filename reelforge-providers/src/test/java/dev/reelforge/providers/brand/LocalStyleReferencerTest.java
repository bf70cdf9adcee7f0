package dev.reelforge.providers.brand;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.brand.BrandAnalysis;
import dev.reelforge.core.brand.StyleReference;
import dev.reelforge.providers.tools.LocalTool;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStyleReferencerTest {

  private static final PixelBrandAnalyzer ANALYZER =
      new PixelBrandAnalyzer(LocalTool.onPath("reelforge-no-such-tesseract"));

  private final LocalStyleReferencer referencer = new LocalStyleReferencer();

  @TempDir Path dir;

  @Test
  void aMarkOffCentreOnAPageIsCroppedToItWithAMarginAndKeepsItsColour() throws Exception {
    Path upload = BrandImages.png(noisy(markInCorner(), 6, 1), dir.resolve("upload.png"));
    BrandAnalysis analysis = ANALYZER.analyze(upload);

    StyleReference reference = referencer.reference(upload, analysis, 42, dir.resolve("out"));

    assertThat(reference.method()).isEqualTo(StyleReference.LOCAL_DERIVATIVE);
    assertThat(reference.seed()).isEqualTo(42);
    assertThat(reference.file()).isRegularFile().hasFileName("style-reference-2a.png");
    BufferedImage image = ImageIO.read(reference.file().toFile());
    // The disc spans 200 pixels at (100, 100) of 1000×800; a margin of 8 % of it on each side.
    assertThat(image.getWidth()).isBetween(220, 250);
    assertThat(image.getHeight()).isBetween(220, 250);
    Color centre = new Color(image.getRGB(image.getWidth() / 2, image.getHeight() / 2));
    assertThat(
            Lab.fromRgb(centre.getRed(), centre.getGreen(), centre.getBlue())
                .distance(Lab.fromHex("#d62828")))
        .isLessThan(5);
    // Measured: the median took the grain out, the levels moved the page's white a little.
    assertThat(reference.strength()).isBetween(0.005, 0.1);
  }

  @Test
  void denoisingTakesGrainOutOfAFlatArea() throws Exception {
    Path upload = BrandImages.png(noisy(markInCorner(), 12, 2), dir.resolve("grainy.png"));
    StyleReference reference =
        referencer.reference(upload, ANALYZER.analyze(upload), 1, dir.resolve("out"));

    BufferedImage before = ImageIO.read(upload.toFile());
    BufferedImage after = ImageIO.read(reference.file().toFile());
    // The disc's middle, in each picture's own coordinates; a 3×3 median cuts uniform grain's
    // deviation by about 1.8.
    assertThat(deviation(after, after.getWidth() / 2, after.getHeight() / 2))
        .isLessThan(deviation(before, 200, 200) / 1.5);
  }

  @Test
  void aFullBleedPictureIsKeptWhole() {
    Path upload = BrandImages.png(BrandImages.textured(640, 480, 3), dir.resolve("photo.png"));
    StyleReference reference =
        referencer.reference(upload, ANALYZER.analyze(upload), 9, dir.resolve("out"));

    assertThat(reference.file())
        .satisfies(
            file -> {
              BufferedImage image = ImageIO.read(file.toFile());
              assertThat(image.getWidth()).isEqualTo(640);
              assertThat(image.getHeight()).isEqualTo(480);
            });
    assertThat(reference.strength()).isGreaterThan(0.01);
  }

  @Test
  void theSameSeedGivesTheSameBytesAndTheReferenceDiffersFromTheUpload() throws Exception {
    Path upload = BrandImages.png(BrandImages.textured(512, 512, 8), dir.resolve("photo.png"));
    BrandAnalysis analysis = ANALYZER.analyze(upload);

    StyleReference first = referencer.reference(upload, analysis, 7, dir.resolve("a"));
    StyleReference second = referencer.reference(upload, analysis, 7, dir.resolve("b"));

    assertThat(Files.readAllBytes(first.file())).isEqualTo(Files.readAllBytes(second.file()));
    assertThat(first.strength()).isEqualTo(second.strength());
    assertThat(Files.readAllBytes(first.file())).isNotEqualTo(Files.readAllBytes(upload));
    assertThat(dir.resolve("a").toFile().list()).containsExactly("style-reference-7.png");
  }

  private static BufferedImage markInCorner() {
    BufferedImage image = BrandImages.flat(1000, 800, Color.WHITE);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(BrandImages.CRIMSON);
    g.fill(new Ellipse2D.Double(100, 100, 200, 200));
    g.dispose();
    return image;
  }

  /** Adds uniform grain of ±{@code amount} levels, the same to each channel of a pixel. */
  private static BufferedImage noisy(BufferedImage image, int amount, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        Color c = new Color(image.getRGB(x, y));
        int n = random.nextInt(2 * amount + 1) - amount;
        image.setRGB(
            x,
            y,
            new Color(clamp(c.getRed() + n), clamp(c.getGreen() + n), clamp(c.getBlue() + n))
                .getRGB());
      }
    }
    return image;
  }

  /** The standard deviation of red in the 21×21 window around (cx, cy). */
  private static double deviation(BufferedImage image, int cx, int cy) {
    double sum = 0;
    double sq = 0;
    int n = 0;
    for (int y = cy - 10; y <= cy + 10; y++) {
      for (int x = cx - 10; x <= cx + 10; x++) {
        int red = (image.getRGB(x, y) >> 16) & 0xff;
        sum += red;
        sq += red * red;
        n++;
      }
    }
    double mean = sum / n;
    return Math.sqrt(sq / n - mean * mean);
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }
}
