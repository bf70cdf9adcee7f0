package dev.reelforge.clips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.vision.FaceBox;
import dev.reelforge.core.vision.GrayFrame;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MouthMotionTest {

  private static final int W = 200;
  private static final int H = 100;

  /**
   * A frame with a textured face at pixel ({@code left}, {@code top}), 40×40, whose lower part (the
   * mouth) is drawn from {@code mouthSeed}: a new seed is a moving mouth, the same seed a still
   * one.
   */
  private static void drawFace(byte[] pixels, int left, int top, long mouthSeed) {
    Random skin = new Random(99);
    Random mouth = new Random(mouthSeed);
    for (int y = 0; y < 40; y++) {
      for (int x = 0; x < 40; x++) {
        int luma = y >= 24 ? 40 + mouth.nextInt(180) : 60 + skin.nextInt(120);
        pixels[(top + y) * W + left + x] = (byte) luma;
      }
    }
  }

  private static GrayFrame frame(long time, int[][] faces, long[] mouthSeeds) {
    byte[] pixels = new byte[W * H];
    java.util.Arrays.fill(pixels, (byte) 128);
    for (int i = 0; i < faces.length; i++) {
      drawFace(pixels, faces[i][0], faces[i][1], mouthSeeds[i]);
    }
    return new GrayFrame(time, W, H, pixels);
  }

  private static FaceBox box(int left, int top) {
    return new FaceBox(left / (double) W, top / (double) H, 40.0 / W, 40.0 / H, 1);
  }

  @Test
  void aMovingMouthMeasuresHighAndAStillOneNearZero() {
    MouthMotion motion = new MouthMotion();
    int[][] at = {{20, 30}, {130, 30}};
    List<FaceBox> boxes = List.of(box(20, 30), box(130, 30));

    List<FrameFaces> out =
        motion.add(
            List.of(
                frame(0, at, new long[] {1, 7}),
                frame(100, at, new long[] {2, 7}),
                frame(200, at, new long[] {3, 7})),
            List.of(boxes, boxes, boxes));

    assertThat(out).extracting(FrameFaces::timeMillis).containsExactly(0L, 100L, 200L);
    assertThat(out.get(0).mouthMotion()).containsExactly(0.0, 0.0);
    for (FrameFaces f : out.subList(1, 3)) {
      assertThat(f.faces()).isEqualTo(boxes);
      assertThat(f.mouthMotion().get(0)).as("the speaker").isGreaterThan(30);
      assertThat(f.mouthMotion().get(1)).as("the listener").isLessThan(1);
    }
  }

  @Test
  void aHeadThatMovesWithAStillMouthIsNotSpeaking() {
    MouthMotion motion = new MouthMotion();

    List<FrameFaces> out =
        motion.add(
            List.of(
                frame(0, new int[][] {{50, 30}}, new long[] {5}),
                frame(100, new int[][] {{58, 32}}, new long[] {5})),
            List.of(List.of(box(50, 30)), List.of(box(58, 32))));

    assertThat(out.get(1).mouthMotion().getFirst()).isLessThan(1);
  }

  @Test
  void thePreviousFrameCarriesOverFromOneBatchToTheNext() {
    MouthMotion motion = new MouthMotion();
    int[][] at = {{50, 30}};
    List<FaceBox> boxes = List.of(box(50, 30));
    motion.add(List.of(frame(0, at, new long[] {1})), List.of(boxes));

    List<FrameFaces> next = motion.add(List.of(frame(100, at, new long[] {2})), List.of(boxes));

    assertThat(next.getFirst().mouthMotion().getFirst()).isGreaterThan(30);
  }

  @Test
  void aFaceThatJustAppearedHasNoMotionYet() {
    MouthMotion motion = new MouthMotion();
    motion.add(
        List.of(frame(0, new int[][] {{20, 30}}, new long[] {1})), List.of(List.of(box(20, 30))));

    List<FrameFaces> out =
        motion.add(
            List.of(frame(100, new int[][] {{20, 30}, {140, 30}}, new long[] {2, 3})),
            List.of(List.of(box(20, 30), box(140, 30))));

    assertThat(out.getFirst().mouthMotion().get(0)).isGreaterThan(30);
    assertThat(out.getFirst().mouthMotion().get(1)).isZero();
  }

  @Test
  void framesAndFacesMustPairUp() {
    MouthMotion motion = new MouthMotion();
    assertThatThrownBy(() -> motion.add(List.of(frame(0, new int[0][], new long[0])), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FrameFaces(0, List.of(box(0, 0)), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
