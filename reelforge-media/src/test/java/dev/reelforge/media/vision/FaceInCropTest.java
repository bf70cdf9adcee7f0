package dev.reelforge.media.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reelforge.core.vision.FaceBox;
import dev.reelforge.media.clips.FfmpegClipMedia;
import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import dev.reelforge.media.testing.TestFfmpeg;
import dev.reelforge.testkit.clips.TalkingHeadTruth;
import dev.reelforge.testkit.clips.TalkingHeadVideo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaceInCropTest {

  @TempDir Path dir;

  @Test
  void measuresTheShareOfFramesThatKeepTheFace() {
    FfmpegInstallation ffmpeg = TestFfmpeg.system();
    Path wide = dir.resolve("wide.mp4");
    TalkingHeadTruth truth =
        TalkingHeadVideo.builder()
            .durationMillis(14_000)
            .ffmpeg(ffmpeg.ffmpeg().toString())
            .build()
            .write(wide);
    // A fixed 9:16 window at the face's resting place: the drifting face leaves it part of the
    // time.
    int cropWidth = 406;
    int cropX = 410 - cropWidth / 2;
    Path vertical = dir.resolve("vertical.mp4");
    Path away = dir.resolve("away.mp4");
    crop(ffmpeg, wide, vertical, cropX, cropWidth);
    crop(ffmpeg, wide, away, 1280 - cropWidth, cropWidth);
    FaceInCrop measure =
        new FaceInCrop(new FfmpegClipMedia(() -> ffmpeg), new OpenCvFaceDetector());

    FaceInCrop.Report report = measure.measure(vertical, 14_000, 4, 270);
    FaceInCrop.Report none = measure.measure(away, 14_000, 4, 270);

    int inside = 0;
    for (int i = 0; i < 56; i++) {
      FaceBox face = truth.facesAt(i * 250L).getFirst();
      FaceBox inCrop =
          new FaceBox(
              (face.x() * 1280 - cropX) / cropWidth,
              face.y(),
              face.width() * 1280 / cropWidth,
              face.height(),
              1);
      inside += FaceInCrop.whollyInside(inCrop) ? 1 : 0;
    }
    assertThat(report.frames()).isEqualTo(56);
    assertThat(report.share()).isCloseTo(inside / 56.0, within(0.1));
    assertThat(report.share()).isBetween(0.2, 0.9);
    assertThat(none.share()).isZero();
  }

  private static void crop(FfmpegInstallation ffmpeg, Path in, Path out, int x, int width) {
    var result =
        ffmpeg
            .ffmpeg(
                List.of(
                    "-v",
                    "error",
                    "-y",
                    "-i",
                    in.toString(),
                    "-vf",
                    "crop=" + width + ":720:" + x + ":0",
                    "-c:v",
                    "libx264",
                    "-preset",
                    "ultrafast",
                    "-an",
                    out.toString()),
                Duration.ofMinutes(1))
            .run();
    assertThat(result.succeeded()).as(result.output()).isTrue();
  }
}
