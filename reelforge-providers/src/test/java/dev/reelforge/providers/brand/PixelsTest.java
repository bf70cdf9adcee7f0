package dev.reelforge.providers.brand;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The quick paths of pixel reading and median filtering agree with the plain ones. */
class PixelsTest {

  @Test
  void everyImageLayoutReadsToTheSamePlanesWithTransparencyOverWhite() {
    BufferedImage source = BrandImages.textured(97, 61, 4);
    for (int type :
        new int[] {
          BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_INT_ARGB
        }) {
      BufferedImage copy = new BufferedImage(97, 61, type);
      Graphics2D g = copy.createGraphics();
      g.drawImage(source, 0, 0, null);
      g.dispose();
      Raster expected = Raster.of(source);
      Raster actual = Raster.of(copy);
      assertThat(actual.red).as("type %d", type).containsExactly(expected.red);
      assertThat(actual.green).containsExactly(expected.green);
      assertThat(actual.blue).containsExactly(expected.blue);
    }
    for (int type : new int[] {BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_INT_ARGB}) {
      BufferedImage halfRed = new BufferedImage(4, 4, type);
      Graphics2D g = halfRed.createGraphics();
      g.setColor(new Color(255, 0, 0, 128));
      g.fillRect(0, 0, 4, 4);
      g.dispose();
      Raster raster = Raster.of(halfRed);
      assertThat(raster.red[5]).isEqualTo(255f);
      assertThat(raster.green[5]).isBetween(126f, 128f);
    }
  }

  @Test
  void theMedianNetworkFindsTheMiddleOfNine() {
    SplittableRandom random = new SplittableRandom(9);
    for (int trial = 0; trial < 20_000; trial++) {
      float[] v = new float[9];
      for (int i = 0; i < 9; i++) {
        v[i] = random.nextInt(6);
      }
      float median =
          LocalStyleReferencer.medianOf9(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]);
      float[] sorted = v.clone();
      Arrays.sort(sorted);
      assertThat(median).as(Arrays.toString(v)).isEqualTo(sorted[4]);
    }
  }
}
