package dev.reelforge.media.procedural;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.imagegen.ImageGenerator;
import dev.reelforge.core.imagegen.ImageRequest;
import dev.reelforge.testkit.imagegen.ImageGeneratorContract;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProceduralImagesTest extends ImageGeneratorContract {

  @Override
  protected ImageGenerator generator() {
    return new ProceduralImages();
  }

  @Test
  void theSamePromptAndSeedGiveTheSameFile(@TempDir Path a, @TempDir Path b) throws Exception {
    ImageRequest request = new ImageRequest("rainy neon street at night", 512, 512, 3);
    Path first = new ProceduralImages().generate(request, a).file();
    Path second = new ProceduralImages().generate(request, b).file();
    assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
  }

  /**
   * The brand director's previews name the brand palette as hex codes: whatever style the seed
   * picks, the picture is painted in the first colour: at least 15 % of its pixels within ΔE 20 of
   * it (the background is a gradient of it under shapes, strokes and a vignette; soft white shapes
   * cover the most, about 80 %), where the same prompt without codes has next to none.
   */
  @Test
  void aPromptNamingHexColoursIsPaintedInThem(@TempDir Path directory) throws Exception {
    Color crimson = new Color(0xd6, 0x28, 0x28);
    for (long seed = 0; seed < 8; seed++) {
      ImageRequest request =
          new ImageRequest(
              "Hero shot: the brand mark centred. Brand palette #d62828, #ffffff.", 512, 512, seed);
      BufferedImage image =
          ImageIO.read(new ProceduralImages().generate(request, directory).file().toFile());
      assertThat(shareNear(image, crimson, 20)).as("seed %d", seed).isGreaterThan(0.15);
    }
    ImageRequest plain = new ImageRequest("Hero shot: the brand mark centred.", 512, 512, 1);
    BufferedImage without =
        ImageIO.read(new ProceduralImages().generate(plain, directory).file().toFile());
    assertThat(shareNear(without, crimson, 20)).isLessThan(0.02);
  }

  @Test
  void aBrandPaletteSurvivesTheDesignLocation() {
    Palette brand = Palette.fromHexes(List.of(new Color(0xd62828), new Color(0xffffff)));
    Design design = new Design(DesignStyle.GEOMETRIC, brand, 640, 360, 9, "mark");
    assertThat(Design.parse(design.location())).isEqualTo(design);
  }

  /** The share of pixels within {@code deltaE} (CIE76 in Lab) of {@code colour}. */
  private static double shareNear(BufferedImage image, Color colour, double deltaE) {
    double[] target = lab(colour.getRGB());
    int near = 0;
    int total = image.getWidth() * image.getHeight();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        double[] p = lab(image.getRGB(x, y));
        double d =
            Math.sqrt(
                Math.pow(p[0] - target[0], 2)
                    + Math.pow(p[1] - target[1], 2)
                    + Math.pow(p[2] - target[2], 2));
        if (d <= deltaE) {
          near++;
        }
      }
    }
    return (double) near / total;
  }

  private static double[] lab(int rgb) {
    double r = linear(((rgb >> 16) & 0xff) / 255.0);
    double g = linear(((rgb >> 8) & 0xff) / 255.0);
    double b = linear((rgb & 0xff) / 255.0);
    double x = f((0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047);
    double y = f(0.2126729 * r + 0.7151522 * g + 0.0721750 * b);
    double z = f((0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883);
    return new double[] {116 * y - 16, 500 * (x - y), 200 * (y - z)};
  }

  private static double linear(double c) {
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }

  private static double f(double t) {
    return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
  }
}
