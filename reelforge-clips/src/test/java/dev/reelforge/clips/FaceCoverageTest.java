package dev.reelforge.clips;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.timeline.Framing;
import dev.reelforge.core.vision.FaceBox;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FaceCoverageTest {

  private static final double CROP = 0.3;

  private static FrameFaces at(long t, double left) {
    return new FrameFaces(t, List.of(new FaceBox(left, 0.2, 0.1, 0.2, 1)), List.of(0.0));
  }

  @Test
  void aFaceCountsWhenItLiesWhollyInsideTheCropAsItMoves() {
    // A pan from 0.3 to 0.7 over 1 s: the crop spans [0.15, 0.45] at 0 and [0.35, 0.65] at 500.
    Shot pan = new Shot(0, 1_000, Shot.Mode.CROP, new Framing(0.3, 0.5, 0.7, 0.5), "pan");

    assertThat(FaceCoverage.cropCentreAt(pan, 500, CROP))
        .isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(FaceCoverage.ofAnyFace(List.of(pan), List.of(at(0, 0.15), at(0, 0.36)), CROP))
        .isEqualTo(new FaceCoverage(2, 1));
    assertThat(FaceCoverage.ofAnyFace(List.of(pan), List.of(at(500, 0.35), at(500, 0.30)), CROP))
        .isEqualTo(new FaceCoverage(2, 1));
  }

  @Test
  void theRenderClampsTheCropInsideThePicture() {
    Shot left = new Shot(0, 1_000, Shot.Mode.CROP, Framing.at(0, 0.5), "edge");

    assertThat(FaceCoverage.cropCentreAt(left, 0, CROP)).isEqualTo(0.15);
    assertThat(FaceCoverage.ofAnyFace(List.of(left), List.of(at(0, 0.2)), CROP).share())
        .isEqualTo(1.0);
  }

  @Test
  void aBlurredFitShowsEveryFaceAndFramesOutsideTheShotsOrWithoutFacesAreNotCounted() {
    Shot fit = new Shot(0, 1_000, Shot.Mode.BLURRED_FIT, Framing.CENTRE, "no face found");

    FaceCoverage coverage =
        FaceCoverage.ofAnyFace(
            List.of(fit), List.of(at(100, 0.9), at(2_000, 0.5), FrameFaces.empty(200)), CROP);

    assertThat(coverage).isEqualTo(new FaceCoverage(1, 1));
    assertThat(new FaceCoverage(0, 0).share()).isEqualTo(1.0);
    assertThat(
            FaceCoverage.of(List.of(fit), List.of(at(100, 0.9)), CROP, f -> Optional.empty())
                .counted())
        .isZero();
  }
}
