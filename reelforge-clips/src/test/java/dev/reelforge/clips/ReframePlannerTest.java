package dev.reelforge.clips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.clips.LoudnessCurve;
import dev.reelforge.core.clips.ReframeOverride;
import dev.reelforge.core.timeline.Framing;
import dev.reelforge.core.vision.FaceBox;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;

class ReframePlannerTest {

  private static final int W = 1920;
  private static final int H = 1080;
  private static final ReframeOptions OPTIONS = ReframeOptions.DEFAULT;
  private static final double CROP = OPTIONS.cropWidth(W, H);
  private static final double FACE_WIDTH = 0.08;

  private final ReframePlanner planner = new ReframePlanner(OPTIONS);

  private static FaceBox face(double centreX) {
    return new FaceBox(centreX - FACE_WIDTH / 2, 0.25, FACE_WIDTH, 0.15, 0.9);
  }

  /** One face per frame at 10 frames a second, where {@code centre} says, with no mouth motion. */
  private static List<FrameFaces> oneFace(long from, long to, LongToDoubleFunction centre) {
    List<FrameFaces> out = new ArrayList<>();
    for (long t = from; t < to; t += 100) {
      out.add(new FrameFaces(t, List.of(face(centre.applyAsDouble(t))), List.of(2.0)));
    }
    return out;
  }

  private static LoudnessCurve steady(long millis, double db) {
    double[] values = new double[(int) (millis / 100) + 1];
    Arrays.fill(values, db);
    return new LoudnessCurve(100, values);
  }

  private List<Shot> plan(long from, long to, List<FrameFaces> frames, List<Long> cuts) {
    List<Shot> shots =
        planner.plan(from, to, frames, cuts, steady(to, -20), W, H, Optional.empty());
    assertCovers(shots, from, to);
    return shots;
  }

  @Test
  void aFaceDriftingSlowlyStaysInsideAFewCalmShots() {
    List<FrameFaces> frames = oneFace(0, 30_000, t -> 0.30 + 0.4 * t / 30_000.0);

    List<Shot> shots = plan(0, 30_000, frames, List.of());

    FaceCoverage coverage = FaceCoverage.ofAnyFace(shots, frames, CROP);
    assertThat(coverage.counted()).isEqualTo(300);
    assertThat(coverage.share()).isEqualTo(1.0);
    assertThat(shots).hasSizeLessThanOrEqualTo(10);
    assertThat(shots).allSatisfy(s -> assertThat(s.mode()).isEqualTo(Shot.Mode.CROP));
    for (Shot s : shots) {
      double move = Math.abs(s.framing().endX() - s.framing().startX());
      assertThat(move / s.durationMillis() * 1000)
          .as("pan speed of " + s)
          .isLessThanOrEqualTo(OPTIONS.maxPanPerSecond() + 1e-9);
      if (s.framing().isStill() && s.endMillis() < 30_000) {
        assertThat(s.durationMillis()).as("a still shot is no flicker: " + s).isGreaterThan(1_000);
      }
    }
  }

  @Test
  void aFaceThatStaysPutWithJitterAndMissedDetectionsNeverMovesTheCrop() {
    Random random = new Random(3);
    List<FrameFaces> frames = new ArrayList<>();
    for (long t = 0; t < 30_000; t += 100) {
      if (random.nextDouble() < 0.10) {
        frames.add(FrameFaces.empty(t));
      } else {
        double jitter = (random.nextDouble() * 2 - 1) * 0.03;
        frames.add(
            new FrameFaces(t, List.of(face(0.45 + jitter)), List.of(random.nextDouble() * 5)));
      }
    }

    List<Shot> shots = plan(0, 30_000, frames, List.of());

    assertThat(shots).hasSize(1);
    Shot only = shots.getFirst();
    assertThat(only.mode()).isEqualTo(Shot.Mode.CROP);
    assertThat(only.framing().isStill()).isTrue();
    assertThat(only.framing().startX()).isCloseTo(0.45, org.assertj.core.data.Offset.offset(0.03));
    assertThat(only.framing().startY()).isEqualTo(0.5);
    assertThat(only.reason()).isEqualTo("face tracked");
    assertThat(FaceCoverage.ofAnyFace(shots, frames, CROP).share()).isEqualTo(1.0);
  }

  /** Two faces, at 0.25 and 0.75; the one speaking (mouth moving) changes every {@code turn}. */
  private static List<FrameFaces> conversation(long millis, long turn, Random random) {
    List<FrameFaces> frames = new ArrayList<>();
    for (long t = 0; t < millis; t += 100) {
      boolean leftSpeaks = (t / turn) % 2 == 0;
      // Speech has pauses between words: a speaker's mouth is still now and then.
      double speaking = random.nextDouble() < 0.15 ? 0.5 : 9 + random.nextDouble() * 6;
      double listening = random.nextDouble() * 2.5;
      List<FaceBox> faces = List.of(face(0.25), face(0.75));
      List<Double> motion =
          leftSpeaks ? List.of(speaking, listening) : List.of(listening, speaking);
      frames.add(new FrameFaces(t, faces, motion));
    }
    return frames;
  }

  private static List<Long> switches(List<Shot> shots) {
    return shots.stream()
        .filter(s -> s.reason().equals("speaker changed"))
        .map(Shot::startMillis)
        .toList();
  }

  @Test
  void theCropFollowsWhoeverSpeaksWithinTheHoldTime() {
    List<FrameFaces> frames = conversation(24_000, 4_000, new Random(8));

    List<Shot> shots = plan(0, 24_000, frames, List.of());

    List<Long> switches = switches(shots);
    assertThat(switches).hasSize(5);
    for (int k = 0; k < switches.size(); k++) {
      long truth = (k + 1) * 4_000L;
      assertThat(switches.get(k))
          .as("switch " + k)
          .isBetween(truth - 500, truth + OPTIONS.minHoldMillis());
    }
    assertThat(shots.getFirst().framing().startX())
        .as("starts on the left speaker")
        .isLessThan(0.5);
    FaceCoverage speaker =
        FaceCoverage.of(
            shots,
            frames,
            CROP,
            f -> Optional.of(f.faces().get((f.timeMillis() / 4_000) % 2 == 0 ? 0 : 1)));
    System.out.printf("Speaker coverage with turns of 4 s: %.3f%n", speaker.share());
    assertThat(speaker.share()).isGreaterThan(0.9);
  }

  @Test
  void noSwitchComesSoonerThanTheHoldTimeEvenWhenTurnsAreShorter() {
    List<FrameFaces> frames = conversation(20_000, 900, new Random(9));

    List<Shot> shots = plan(0, 20_000, frames, List.of());

    List<Long> starts = new ArrayList<>();
    starts.add(0L);
    starts.addAll(switches(shots));
    for (int k = 1; k < starts.size(); k++) {
      assertThat(starts.get(k) - starts.get(k - 1))
          .as("time on a speaker")
          .isGreaterThanOrEqualTo(OPTIONS.minHoldMillis());
    }
  }

  @Test
  void aMouthMovingInSilenceIsNotSpeaking() {
    // Loud in even seconds, quiet in odd ones; the left face talks when it is loud, the right one
    // chews (more motion) when it is quiet.
    double[] db = new double[200];
    for (int i = 0; i < db.length; i++) {
      db[i] = (i / 10) % 2 == 0 ? -20 : -60;
    }
    List<FrameFaces> frames = new ArrayList<>();
    for (long t = 0; t < 20_000; t += 100) {
      boolean loud = (t / 1_000) % 2 == 0;
      frames.add(
          new FrameFaces(
              t, List.of(face(0.25), face(0.75)), loud ? List.of(10.0, 0.0) : List.of(0.0, 20.0)));
    }

    List<Shot> shots =
        planner.plan(
            0, 20_000, frames, List.of(), new LoudnessCurve(100, db), W, H, Optional.empty());

    assertCovers(shots, 0, 20_000);
    assertThat(switches(shots)).isEmpty();
    assertThat(FaceCoverage.of(shots, frames, CROP, f -> Optional.of(f.faces().get(0))).share())
        .isEqualTo(1.0);
  }

  @Test
  void aSceneWithoutFacesIsABlurredFit() {
    List<FrameFaces> frames = new ArrayList<>();
    for (long t = 0; t < 10_000; t += 100) {
      // A face in one frame of ten: below the 40 % a crop needs.
      frames.add(
          t % 1_000 == 0
              ? new FrameFaces(t, List.of(face(0.5)), List.of(0.0))
              : FrameFaces.empty(t));
    }

    assertThat(plan(0, 10_000, frames, List.of()))
        .containsExactly(
            new Shot(
                0,
                10_000,
                Shot.Mode.BLURRED_FIT,
                Framing.CENTRE,
                "face seen too rarely to follow"));
    assertThat(plan(0, 10_000, List.of(), List.of()))
        .containsExactly(
            new Shot(0, 10_000, Shot.Mode.BLURRED_FIT, Framing.CENTRE, "no face found"));
  }

  @Test
  void eachSceneIsFramedOnItsOwn() {
    List<FrameFaces> frames = new ArrayList<>();
    frames.addAll(oneFace(0, 10_000, t -> 0.3));
    frames.addAll(oneFace(10_000, 16_000, t -> 0.7));
    for (long t = 16_000; t < 20_000; t += 100) {
      frames.add(FrameFaces.empty(t));
    }

    List<Shot> shots = plan(0, 20_000, frames, List.of(10_000L, 16_000L, 19_900L, 50_000L));

    assertThat(shots).hasSize(3);
    assertThat(shots.get(0).endMillis()).isEqualTo(10_000);
    assertThat(shots.get(0).framing()).isEqualTo(Framing.at(0.3, 0.5));
    assertThat(shots.get(1).framing()).isEqualTo(Framing.at(0.7, 0.5));
    assertThat(shots.get(2).startMillis()).isEqualTo(16_000);
    assertThat(shots.get(2).mode()).isEqualTo(Shot.Mode.BLURRED_FIT);
  }

  @Test
  void framesOutsideTheClipAreIgnoredAndAFaceAtTheEdgeKeepsTheCropInsideThePicture() {
    List<FrameFaces> frames = new ArrayList<>();
    frames.addAll(oneFace(0, 5_000, t -> 0.9));
    frames.addAll(oneFace(5_000, 15_000, t -> 0.04));
    frames.addAll(oneFace(15_000, 20_000, t -> 0.9));

    List<Shot> shots = plan(5_000, 15_000, frames, List.of());

    assertThat(shots).hasSize(1);
    assertThat(shots.getFirst().framing().startX()).isEqualTo(CROP / 2);
    assertThat(FaceCoverage.ofAnyFace(shots, frames, CROP)).isEqualTo(new FaceCoverage(100, 100));
  }

  @Test
  void anOverrideIsOneShotForTheWholeClip() {
    List<FrameFaces> frames = conversation(10_000, 2_000, new Random(1));

    assertThat(
            planner.plan(
                1_000,
                9_000,
                frames,
                List.of(5_000L),
                null,
                W,
                H,
                Optional.of(ReframeOverride.fit())))
        .containsExactly(
            new Shot(1_000, 9_000, Shot.Mode.BLURRED_FIT, Framing.CENTRE, "manual override"));
    assertThat(
            planner.plan(
                1_000,
                9_000,
                frames,
                List.of(),
                null,
                W,
                H,
                Optional.of(ReframeOverride.cropAt(0.2))))
        .containsExactly(
            new Shot(1_000, 9_000, Shot.Mode.CROP, Framing.at(0.2, 0.5), "manual override"));
  }

  @Test
  void aSourceAlreadyVerticalGetsOneCentredShot() {
    List<FrameFaces> frames = oneFace(0, 10_000, t -> 0.2);

    assertThat(planner.plan(0, 10_000, frames, List.of(4_000L), null, 1080, 1920, Optional.empty()))
        .containsExactly(
            new Shot(0, 10_000, Shot.Mode.CROP, Framing.CENTRE, "source already vertical"));
    assertThat(OPTIONS.cropWidth(1080, 1920)).isEqualTo(1.0);
    assertThat(CROP).isCloseTo(1080 * 9 / 16.0 / 1920, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void optionsAreValidated() {
    assertThatThrownBy(() -> new ReframeOptions(0, 0.6, 2_000, 1_000, 0.4, 0.15))
        .hasMessageContaining("targetAspect");
    assertThatThrownBy(() -> new ReframeOptions(0.5625, 1.5, 2_000, 1_000, 0.4, 0.15))
        .hasMessageContaining("safeZone");
    assertThatThrownBy(() -> new ReframeOptions(0.5625, 0.6, -1, 1_000, 0.4, 0.15))
        .hasMessageContaining("minHoldMillis");
    assertThatThrownBy(() -> new ReframeOptions(0.5625, 0.6, 2_000, 1_000, 2, 0.15))
        .hasMessageContaining("minFaceShare");
    assertThatThrownBy(() -> new ReframeOptions(0.5625, 0.6, 2_000, 1_000, 0.4, 0))
        .hasMessageContaining("maxPanPerSecond");
    assertThatThrownBy(() -> planner.plan(5, 5, List.of(), List.of(), null, W, H, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static void assertCovers(List<Shot> shots, long from, long to) {
    assertThat(shots).isNotEmpty();
    assertThat(shots.getFirst().startMillis()).isEqualTo(from);
    assertThat(shots.getLast().endMillis()).isEqualTo(to);
    for (int i = 1; i < shots.size(); i++) {
      assertThat(shots.get(i).startMillis()).as("no gap").isEqualTo(shots.get(i - 1).endMillis());
    }
  }
}
