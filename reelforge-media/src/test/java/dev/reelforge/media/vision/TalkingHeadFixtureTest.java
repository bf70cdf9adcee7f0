package dev.reelforge.media.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.reelforge.core.render.Cancellation;
import dev.reelforge.core.vision.FaceBox;
import dev.reelforge.core.vision.GrayFrame;
import dev.reelforge.media.clips.FfmpegClipMedia;
import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import dev.reelforge.media.testing.TestFfmpeg;
import dev.reelforge.testkit.clips.FestivalNarration;
import dev.reelforge.testkit.clips.TalkingHeadTruth;
import dev.reelforge.testkit.clips.TalkingHeadVideo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The testkit's talking-head fixtures show what their truth says, as a detector sees it. */
class TalkingHeadFixtureTest {

  @TempDir Path dir;
  private FfmpegInstallation ffmpeg;
  private FfmpegClipMedia media;
  private final OpenCvFaceDetector detector = new OpenCvFaceDetector();

  @BeforeEach
  void setUp() {
    ffmpeg = TestFfmpeg.system();
    media = new FfmpegClipMedia(() -> ffmpeg);
  }

  @Test
  void theDetectorFindsTheDriftingFaceWhereTheTruthSays() {
    Path video = dir.resolve("one.mp4");
    TalkingHeadTruth truth =
        builder().durationMillis(20_000).sceneCuts(7_000, 14_000).build().write(video);

    List<GrayFrame> frames = frames(video, 20_000, 2, 320);
    List<List<FaceBox>> faces = detector.detect(frames);

    int near = 0;
    for (int i = 0; i < frames.size(); i++) {
      FaceBox expected = truth.facesAt(frames.get(i).timeMillis()).getFirst();
      if (faces.get(i).size() == 1 && near(faces.get(i).getFirst(), expected)) {
        near++;
      }
    }
    assertThat(frames).hasSize(40);
    assertThat((double) near / frames.size()).isGreaterThanOrEqualTo(0.95);
    // The face really moves: it drifts within a scene and jumps at cuts.
    double firstX = truth.facesAt(0).getFirst().centerX();
    assertThat(truth.facesAt(3_500).getFirst().centerX()).isNotCloseTo(firstX, within(0.05));
    assertThat(truth.facesAt(7_000).getFirst().centerX())
        .isNotCloseTo(truth.facesAt(6_960).getFirst().centerX(), within(0.1));
  }

  @Test
  void twoFacesSideBySideAndOnlyTheSpeakersMouthMoves() {
    Path video = dir.resolve("two.mp4");
    TalkingHeadTruth truth =
        builder().durationMillis(16_000).twoFacesAlternating(4_000).build().write(video);

    List<GrayFrame> frames = frames(video, 16_000, 5, 480);
    List<List<FaceBox>> faces = detector.detect(frames);

    int both = 0;
    for (int i = 0; i < frames.size(); i++) {
      List<FaceBox> expected = truth.facesAt(frames.get(i).timeMillis());
      List<FaceBox> found =
          faces.get(i).stream().sorted((a, b) -> Double.compare(a.x(), b.x())).toList();
      if (found.size() == 2
          && near(found.get(0), expected.get(0))
          && near(found.get(1), expected.get(1))) {
        both++;
      }
    }
    assertThat((double) both / frames.size()).isGreaterThanOrEqualTo(0.95);

    double[] motion = new double[2];
    double[] still = new double[2];
    for (int i = 1; i < frames.size(); i++) {
      long time = frames.get(i).timeMillis();
      if (!truth.speakingAt(time)) {
        continue;
      }
      int speaker = truth.speakerAt(time);
      for (int face = 0; face < 2; face++) {
        // The faces drift, so the mouth is compared with itself where it was a frame earlier.
        FaceBox before = truth.facesAt(frames.get(i - 1).timeMillis()).get(face).mouthRegion();
        FaceBox now = truth.facesAt(time).get(face).mouthRegion();
        double change = meanDifference(frames.get(i - 1), before, frames.get(i), now);
        (face == speaker ? motion : still)[face] += change;
      }
    }
    assertThat(motion[0]).isGreaterThan(3 * still[0]);
    assertThat(motion[1]).isGreaterThan(3 * still[1]);
    assertThat(truth.speakerAt(1_000)).isZero();
    assertThat(truth.speakerAt(5_000)).isOne();
  }

  @Test
  void aNarratedFixtureSpeaksWhereItsVoiceIs() {
    assumeTrue(FestivalNarration.available(), "skipped: festival's text2wave is not installed");
    Path wav =
        FestivalNarration.narrate(
            "Welcome back to the show. Today we talk about long videos and short clips.",
            dir.resolve("voice.wav"));

    TalkingHeadTruth truth =
        builder().durationMillis(8_000).speech(wav).build().write(dir.resolve("narrated.mp4"));

    assertThat(truth.speech()).isNotEmpty();
    assertThat(truth.speech().getFirst().fromMillis()).isLessThan(1_500);
  }

  private TalkingHeadVideo.Builder builder() {
    return TalkingHeadVideo.builder().ffmpeg(ffmpeg.ffmpeg().toString());
  }

  private List<GrayFrame> frames(Path video, long millis, double fps, int width) {
    List<GrayFrame> frames = new ArrayList<>();
    media.frames(video, 0, millis, fps, width, 16, Cancellation.none(), frames::addAll);
    return frames;
  }

  private static boolean near(FaceBox found, FaceBox truth) {
    return Math.abs(found.centerX() - truth.centerX()) < truth.width() * 0.25
        && Math.abs(found.centerY() - truth.centerY()) < truth.height() * 0.25
        && found.width() > truth.width() * 0.7
        && found.width() < truth.width() * 1.4;
  }

  private static double meanDifference(GrayFrame a, FaceBox inA, GrayFrame b, FaceBox inB) {
    int w = (int) (inA.width() * a.width());
    int h = (int) (inA.height() * a.height());
    int ax = (int) Math.round(inA.x() * a.width());
    int ay = (int) Math.round(inA.y() * a.height());
    int bx = (int) Math.round(inB.x() * b.width());
    int by = (int) Math.round(inB.y() * b.height());
    double sum = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        sum += Math.abs(a.luma(ax + x, ay + y) - b.luma(bx + x, by + y));
      }
    }
    return sum / Math.max(1, w * h);
  }
}
