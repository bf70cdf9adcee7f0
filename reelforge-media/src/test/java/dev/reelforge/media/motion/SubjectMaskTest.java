package dev.reelforge.media.motion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.media.frames.SamplePlane;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubjectMaskTest {

  @Test
  void aSubjectOnAStripedGradientMovesWholeWithABandOfBackgroundAroundIt(@TempDir Path dir)
      throws IOException {
    // A disc of radius 110 around (480, 290) on a 960×540 backdrop.
    BufferedImage picture = ImageIO.read(ClipChecks.subjectOnBackdrop(dir, "p.png").toFile());
    SubjectMask.Subject subject = SubjectMask.find(picture, 0);

    assertThat(subject.method()).isEqualTo(SubjectMask.Method.BORDER);
    SamplePlane field = subject.field();
    assertThat(field.width()).isEqualTo(960);
    assertThat(field.at(480, 290)).as("the disc's centre").isGreaterThan(250);
    assertThat(field.at(480 - 100, 290)).as("inside its edge").isGreaterThan(245);
    assertThat(field.at(480 + 125, 290)).as("just outside: the band").isBetween(100, 254);
    assertThat(field.at(480 + 260, 290)).as("far from it").isLessThan(10);
    assertThat(field.at(40, 40)).as("a corner").isZero();
    assertThat(field.at(900, 500)).as("a corner").isZero();
  }

  @Test
  void aBusyPictureWithoutAClearSubjectBendsAroundItsMiddle() {
    BufferedImage noise = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(1);
    for (int y = 0; y < 360; y += 8) {
      for (int x = 0; x < 640; x += 8) {
        int rgb = new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)).getRGB();
        for (int k = 0; k < 64; k++) {
          noise.setRGB(x + k % 8, y + k / 8, rgb);
        }
      }
    }
    SubjectMask.Subject cutout = SubjectMask.find(noise, 0);
    assertThat(cutout.method()).isEqualTo(SubjectMask.Method.CENTRE);
    assertThat(cutout.field().at(320, 187)).isGreaterThan(240);
    assertThat(cutout.field().at(10, 10)).isZero();
    assertThat(cutout.field().at(630, 350)).isZero();
  }
}
