package dev.reelforge.providers.brand;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.brand.BrandAnalysis.Look;
import dev.reelforge.core.brand.BrandAnalysis.Quality;
import dev.reelforge.core.brand.BrandAnalysis.Role;
import dev.reelforge.core.brand.BrandAnalysis.TextPresence;
import dev.reelforge.core.brand.BrandAnalysis.Texture;
import dev.reelforge.core.brand.Scores;
import java.util.List;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The documented rules are monotonic: raising one measure never moves a score the wrong way. */
class BrandScoringTest {

  private final SplittableRandom random = new SplittableRandom(26);

  @Test
  void raisingAMeasureNeverLowersTheScoresThatNameIt() {
    for (int trial = 0; trial < 2_000; trial++) {
      double[] v = new double[12];
      for (int i = 0; i < v.length; i++) {
        v[i] = random.nextDouble();
      }
      Scores before = BrandScoring.score(measures(v));
      int which = random.nextInt(v.length);
      double[] raised = v.clone();
      raised[which] = Math.min(1, v[which] + random.nextDouble() * (1 - v[which]));
      Scores after = BrandScoring.score(measures(raised));
      String what = "measure " + which + " raised from " + v[which] + " to " + raised[which];
      assertThat(after.physics()).as(what).isGreaterThanOrEqualTo(before.physics());
      assertThat(after.vibe()).as(what).isGreaterThanOrEqualTo(before.vibe());
      if (which == 5) {
        // Texture counts against logic: flat regions are structure.
        assertThat(after.logic()).as(what).isLessThanOrEqualTo(before.logic());
      } else {
        assertThat(after.logic()).as(what).isGreaterThanOrEqualTo(before.logic());
      }
      if (which == 9) {
        // Blockiness counts against integrity.
        assertThat(after.integrity()).as(what).isLessThanOrEqualTo(before.integrity());
      } else if (which != 0) {
        assertThat(after.integrity()).as(what).isGreaterThanOrEqualTo(before.integrity());
      }
    }
  }

  @Test
  void textureRaisesPhysicsAndLowersLogicByTheRule() {
    double[] v = {0.5, 0.5, 0.5, 0.5, 0.1, 0.1, 0.5, 0, 0, 0, 1, 1};
    double[] textured = v.clone();
    textured[5] = 0.9;
    Scores flat = BrandScoring.score(measures(v));
    Scores rich = BrandScoring.score(measures(textured));
    assertThat(rich.physics()).isEqualTo(Scores.round2(flat.physics() + 0.5 * 0.8), within());
    assertThat(rich.logic()).isEqualTo(Scores.round2(flat.logic() - 0.3 * 0.8), within());
  }

  @Test
  void exposureOnlyCountsAtTheExtremes() {
    assertThat(BrandScoring.exposure(new Look(0.1, 0.5, 0, 0))).isEqualTo(1.0);
    assertThat(BrandScoring.exposure(new Look(0.9, 0.5, 0, 0))).isEqualTo(1.0);
    assertThat(BrandScoring.exposure(new Look(0.97, 0.5, 0, 0))).isCloseTo(0.3, within());
    assertThat(BrandScoring.exposure(new Look(0.0, 0.5, 0, 0))).isCloseTo(0.0, within());
  }

  /**
   * Measures from 12 numbers: 0 brightness, 1 contrast, 2 saturation, 3 colourfulness, 4 edge
   * density, 5 texture density, 6 straightness, 7 text coverage (present above 0.5), 8 sharpness, 9
   * blockiness, 10 resolution, 11 unused. Brightness is not monotonic by design (exposure), so the
   * first test leaves integrity alone when it is the one raised.
   */
  private static Measures measures(double[] v) {
    boolean text = v[7] > 0.5;
    return new Measures(
        List.of(new Swatch("#d62828", Lab.fromHex("#d62828"), 1, Role.SUBJECT)),
        new Look(v[0], v[1], v[2], v[3]),
        new Texture(v[4], v[5]),
        v[6],
        0,
        text ? new TextPresence(true, "", (v[7] - 0.5) / 5, "test") : TextPresence.none("test"),
        new Quality(100, 100, v[8], v[9], v[10]));
  }

  private static Offset<Double> within() {
    return Offset.offset(0.011);
  }
}
