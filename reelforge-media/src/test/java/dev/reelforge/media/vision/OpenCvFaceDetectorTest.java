package dev.reelforge.media.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reelforge.core.vision.FaceBox;
import dev.reelforge.core.vision.GrayFrame;
import dev.reelforge.testkit.clips.FacePhoto;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class OpenCvFaceDetectorTest {

  private final OpenCvFaceDetector haar = new OpenCvFaceDetector();

  @Test
  void namesItsModelByCascadeAndVersion() {
    assertThat(haar.name()).isEqualTo("opencv-haar-frontalface");
    assertThat(haar.version()).isEqualTo("4.13.0/haarcascade_frontalface_default.xml");
    OpenCvFaceDetector lbp =
        new OpenCvFaceDetector(
            OpenCvFaceDetector.Options.defaults().withCascade(FaceCascade.LBP_FRONTALFACE));
    assertThat(lbp.name()).isEqualTo("opencv-lbp-frontalface");
    assertThat(lbp.version()).isEqualTo("4.13.0/lbpcascade_frontalface.xml");
  }

  @Test
  void findsTheAstronautsFaceWhereItIs() {
    List<FaceBox> faces = haar.detect(List.of(astronaut(0))).getFirst();

    assertThat(faces).hasSize(1);
    assertNear(faces.getFirst(), FacePhoto.FACE);
    assertThat(faces.getFirst().confidence()).isGreaterThan(0.5).isLessThanOrEqualTo(1.0);
  }

  @Test
  void theFasterLbpCascadeFindsItToo() {
    OpenCvFaceDetector lbp =
        new OpenCvFaceDetector(
            OpenCvFaceDetector.Options.defaults().withCascade(FaceCascade.LBP_FRONTALFACE));
    lbp.warmUp();

    List<FaceBox> faces = lbp.detect(List.of(astronaut(0))).getFirst();

    assertThat(faces).hasSize(1);
    assertNear(faces.getFirst(), FacePhoto.FACE);
  }

  @Test
  void aFlatFrameHasNoFace() {
    byte[] grey = new byte[320 * 180];
    Arrays.fill(grey, (byte) 128);

    assertThat(haar.detect(List.of(new GrayFrame(0, 320, 180, grey)))).containsExactly(List.of());
  }

  @Test
  void keepsTheBatchsOrder() {
    GrayFrame flat = new GrayFrame(0, 360, 360, new byte[360 * 360]);
    GrayFrame mirrored = FacePhoto.gray(mirror(FacePhoto.astronaut()), 3);

    List<List<FaceBox>> faces = haar.detect(List.of(flat, astronaut(1), flat, mirrored));

    assertThat(faces).extracting(List::size).containsExactly(0, 1, 0, 1);
    assertNear(faces.get(1).getFirst(), FacePhoto.FACE);
    FaceBox expected =
        new FaceBox(
            1 - FacePhoto.FACE.x() - FacePhoto.FACE.width(),
            FacePhoto.FACE.y(),
            FacePhoto.FACE.width(),
            FacePhoto.FACE.height(),
            1);
    assertNear(faces.get(3).getFirst(), expected);
  }

  @Test
  void threadsCanShareOneDetector() throws Exception {
    List<GrayFrame> batch = List.of(astronaut(0), astronaut(1), astronaut(2));
    List<List<FaceBox>> alone = haar.detect(batch);
    List<Callable<List<List<FaceBox>>>> calls = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      calls.add(() -> haar.detect(batch));
    }

    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      for (Future<List<List<FaceBox>>> result : pool.invokeAll(calls)) {
        assertThat(result.get()).isEqualTo(alone);
      }
    }
  }

  private static GrayFrame astronaut(long time) {
    return FacePhoto.gray(FacePhoto.astronaut(), time);
  }

  private static void assertNear(FaceBox found, FaceBox truth) {
    assertThat(found.centerX()).isCloseTo(truth.centerX(), within(0.03));
    assertThat(found.centerY()).isCloseTo(truth.centerY(), within(0.03));
    assertThat(found.width()).isCloseTo(truth.width(), within(0.05));
  }

  private static BufferedImage mirror(BufferedImage image) {
    BufferedImage out =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.drawImage(image, image.getWidth(), 0, -image.getWidth(), image.getHeight(), null);
    g.dispose();
    return out;
  }
}
