package dev.reelforge.media.motion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.videogen.GeneratedVideo;
import dev.reelforge.core.videogen.PendingVideo;
import dev.reelforge.core.videogen.VideoGenerator;
import dev.reelforge.core.videogen.VideoProgress;
import dev.reelforge.core.videogen.VideoRequest;
import dev.reelforge.core.videogen.VideoRequest.Aspect;
import dev.reelforge.core.videogen.VideoRequest.Resolution;
import dev.reelforge.core.videogen.VideoRequest.VideoFrame;
import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import dev.reelforge.media.probe.MediaInfo;
import dev.reelforge.media.probe.MediaProbe;
import dev.reelforge.media.testing.MediaChecks;
import dev.reelforge.media.testing.TestFfmpeg;
import dev.reelforge.testkit.videogen.Mp4Facts;
import dev.reelforge.testkit.videogen.VideoGeneratorContract;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LocalVideoGeneratorTest extends VideoGeneratorContract {

  private static final FfmpegInstallation FFMPEG = TestFfmpeg.withProbe();

  @Override
  protected VideoGenerator generator() {
    return new LocalVideoGenerator(() -> FFMPEG);
  }

  @Override
  protected VideoGenerator restarted() {
    return new LocalVideoGenerator(() -> FFMPEG);
  }

  private static GeneratedVideo make(VideoRequest request, Path dir) {
    VideoProgress progress = new LocalVideoGenerator(() -> FFMPEG).submit(request, dir);
    assertThat(progress)
        .as("a local clip is finished at once")
        .isInstanceOf(VideoProgress.Done.class);
    return ((VideoProgress.Done) progress).video();
  }

  private static VideoRequest request(
      String prompt, Optional<Path> start, Optional<Path> end, int seconds, int fps, long seed) {
    return new VideoRequest(
        prompt,
        start.map(VideoFrame::of),
        end.map(VideoFrame::of),
        seconds,
        fps,
        Resolution.P480,
        Aspect.LANDSCAPE,
        seed);
  }

  private static BufferedImage frame(GeneratedVideo video, int index) throws IOException {
    return ClipChecks.frame(FFMPEG, video.file(), index, video.file().getParent());
  }

  @Test
  void theClipIsH264HighYuv420pWithExactlyDurationTimesFpsFramesNoAudioAndFaststart(
      @TempDir Path dir) throws IOException {
    VideoRequest request =
        new VideoRequest(
            "a lighthouse on a cliff, pan right",
            Optional.of(VideoFrame.of(ClipChecks.striped(dir, "cliff.png", 1600, 900))),
            Optional.empty(),
            3,
            30,
            Resolution.P720,
            Aspect.LANDSCAPE,
            11);
    GeneratedVideo video = make(request, dir);

    MediaInfo info = new MediaProbe(FFMPEG, Duration.ofSeconds(30)).probe(video.file());
    MediaInfo.Stream stream = info.video().orElseThrow();
    assertThat(stream.codec()).isEqualTo("h264");
    assertThat(stream.profile()).isEqualTo("High");
    assertThat(stream.pixelFormat()).isEqualTo("yuv420p");
    assertThat(stream.width()).isEqualTo(1280);
    assertThat(stream.height()).isEqualTo(720);
    assertThat(stream.frameRate()).isEqualTo(30.0);
    assertThat(stream.frames()).as("duration × fps frames").isEqualTo(90);
    assertThat(info.durationSeconds()).isCloseTo(3.0, org.assertj.core.data.Offset.offset(0.05));
    assertThat(info.audio()).as("no audio").isEmpty();
    assertThat(Mp4Facts.read(video.file()).faststart()).as("moov before mdat").isTrue();
    assertThat(video.model()).isEqualTo("local/pan-right");
    assertThat(video.file().getFileName().toString()).matches("local-[0-9a-f]{16}\\.mp4");
    try (var left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .as("no scratch files left beside the clip")
          .containsExactlyInAnyOrder("cliff.png", video.file().getFileName().toString());
    }
  }

  @Test
  void theSameRequestAgainFindsItsClipInsteadOfMakingItAgain(@TempDir Path dir) throws IOException {
    VideoRequest request =
        request(
            "a kite",
            Optional.of(ClipChecks.striped(dir, "kite.png", 640, 360)),
            Optional.empty(),
            1,
            12,
            5);
    GeneratedVideo first = make(request, dir);
    Instant made = Files.getLastModifiedTime(first.file()).toInstant();
    GeneratedVideo again = make(request, dir);
    assertThat(again.file()).isEqualTo(first.file());
    assertThat(Files.getLastModifiedTime(again.file()).toInstant()).isEqualTo(made);
    GeneratedVideo otherSeed =
        make(
            request("a kite", Optional.of(dir.resolve("kite.png")), Optional.empty(), 1, 12, 6),
            dir);
    assertThat(otherSeed.file()).isNotEqualTo(first.file());
  }

  @ParameterizedTest
  @EnumSource(CameraMotion.class)
  void theSameRequestAndSeedMakeIdenticalFramesInAnotherFolder(
      CameraMotion motion, @TempDir Path dir) throws IOException {
    Path picture = ClipChecks.subjectOnBackdrop(dir, "subject.png");
    VideoRequest request =
        request(
            spoken(motion) + " over a red ball", Optional.of(picture), Optional.empty(), 1, 24, 77);
    GeneratedVideo a = make(request, Files.createDirectory(dir.resolve("a")));
    GeneratedVideo b = make(request, Files.createDirectory(dir.resolve("b")));
    assertThat(a.model()).isEqualTo("local/" + motion.label());
    assertThat(ClipChecks.frameHashes(FFMPEG, a.file(), dir))
        .hasSize(24)
        .isEqualTo(ClipChecks.frameHashes(FFMPEG, b.file(), dir));
  }

  @Test
  void aTextOnlyRequestIsRepeatableAndAnotherSeedOrMotionGivesOtherFrames(@TempDir Path dir)
      throws IOException {
    String prompt = "a quiet harbour at dawn";
    GeneratedVideo a =
        make(request(prompt, Optional.empty(), Optional.empty(), 1, 12, 1), sub(dir, "a"));
    GeneratedVideo same =
        make(request(prompt, Optional.empty(), Optional.empty(), 1, 12, 1), sub(dir, "same"));
    GeneratedVideo otherSeed =
        make(request(prompt, Optional.empty(), Optional.empty(), 1, 12, 2), sub(dir, "seed"));
    GeneratedVideo otherMotion =
        make(
            request(
                prompt + ", the camera pulls out", Optional.empty(), Optional.empty(), 1, 12, 1),
            sub(dir, "motion"));
    assertThat(a.model()).endsWith("+procedural");
    var hashes = ClipChecks.frameHashes(FFMPEG, a.file(), dir);
    assertThat(ClipChecks.frameHashes(FFMPEG, same.file(), dir)).isEqualTo(hashes);
    assertThat(ClipChecks.frameHashes(FFMPEG, otherSeed.file(), dir))
        .doesNotContainAnyElementsOf(hashes);
    assertThat(ClipChecks.frameHashes(FFMPEG, otherMotion.file(), dir))
        .doesNotContainAnyElementsOf(hashes);
  }

  @Test
  void twoSeedsOfTheSameMotionAndPictureMoveDifferently(@TempDir Path dir) throws IOException {
    Path picture = ClipChecks.striped(dir, "s.png", 1280, 720);
    GeneratedVideo a =
        make(request("push in", Optional.of(picture), Optional.empty(), 1, 12, 1), sub(dir, "a"));
    GeneratedVideo b =
        make(request("push in", Optional.of(picture), Optional.empty(), 1, 12, 2), sub(dir, "b"));
    assertThat(ClipChecks.meanDifference(frame(a, 11), frame(b, 11)))
        .as("where the push-in ends")
        .isGreaterThan(3);
  }

  @ParameterizedTest
  @EnumSource(CameraMotion.class)
  void everyMotionReallyMovesThePicture(CameraMotion motion, @TempDir Path dir) throws IOException {
    Path picture = ClipChecks.discs(dir, "discs.png", 1280, 720);
    GeneratedVideo video =
        make(request(spoken(motion), Optional.of(picture), Optional.empty(), 2, 12, 9), dir);
    double moved = ClipChecks.meanDifference(frame(video, 0), frame(video, 23));
    double step = ClipChecks.meanDifference(frame(video, 11), frame(video, 12));
    assertThat(moved).as("first against last frame").isGreaterThan(8);
    assertThat(step).as("neighbouring frames: a move, not a jump").isLessThan(moved / 4);
  }

  @Test
  void anOrbitMovesTheSubjectAndTheBackgroundByDifferentAmounts(@TempDir Path dir)
      throws IOException {
    Path picture = ClipChecks.subjectOnBackdrop(dir, "ball.png");
    GeneratedVideo video =
        make(
            request("orbit around the ball", Optional.of(picture), Optional.empty(), 2, 12, 4),
            dir);
    BufferedImage first = frame(video, 0);
    BufferedImage last = frame(video, 23);
    Color red = new Color(220, 30, 30);
    double subjectShift =
        ClipChecks.centroid(last, red, 40)[0] - ClipChecks.centroid(first, red, 40)[0];
    // The band above the ball shows only background.
    double backgroundShift = ClipChecks.horizontalShift(first, last, 0.02, 0.15);
    assertThat(Math.abs(backgroundShift)).as("the background slides").isGreaterThan(0.15);
    assertThat(Math.abs(backgroundShift - subjectShift))
        .as("the subject moves apart from the background (parallax)")
        .isGreaterThan(0.07);
    assertThat(ClipChecks.centroid(last, red, 40)[1])
        .as("the subject stays whole, in the middle")
        .isBetween(0.35, 0.65);
  }

  @Test
  void aStartAndEndFrameDissolveDuringTheMoveFromOneToTheOther(@TempDir Path dir)
      throws IOException {
    Color orange = new Color(240, 150, 30);
    Color teal = new Color(20, 140, 150);
    Path start = ClipChecks.flat(dir, "start.png", orange, 800, 450);
    Path end = ClipChecks.flat(dir, "end.png", teal, 800, 450);
    GeneratedVideo video =
        make(request("the scene turns", Optional.of(start), Optional.of(end), 2, 24, 3), dir);
    assertThat(video.model()).endsWith("+morph");
    double[] startColour = ClipChecks.meanColour(ImageIO.read(start.toFile()));
    double[] endColour = ClipChecks.meanColour(ImageIO.read(end.toFile()));
    double[] first = ClipChecks.meanColour(frame(video, 0));
    double[] middle = ClipChecks.meanColour(frame(video, 24));
    double[] last = ClipChecks.meanColour(frame(video, 47));
    assertThat(ClipChecks.distance(first, startColour)).as("first frame ~ start").isLessThan(20);
    assertThat(ClipChecks.distance(last, endColour)).as("last frame ~ end").isLessThan(20);
    double apart = ClipChecks.distance(startColour, endColour);
    assertThat(ClipChecks.distance(middle, startColour))
        .as("the middle is a blend, not a cut")
        .isGreaterThan(apart / 4);
    assertThat(ClipChecks.distance(middle, endColour)).isGreaterThan(apart / 4);
  }

  @Test
  void anOrbitDissolvesIntoAnEndFrameToo(@TempDir Path dir) throws IOException {
    Path start = ClipChecks.subjectOnBackdrop(dir, "ball.png");
    Color teal = new Color(20, 140, 150);
    Path end = ClipChecks.flat(dir, "end.png", teal, 800, 450);
    GeneratedVideo video =
        make(request("orbit the ball", Optional.of(start), Optional.of(end), 1, 24, 8), dir);
    assertThat(video.model()).isEqualTo("local/orbit+morph");
    double[] endColour = ClipChecks.meanColour(ImageIO.read(end.toFile()));
    assertThat(ClipChecks.distance(ClipChecks.meanColour(frame(video, 23)), endColour))
        .isLessThan(20);
  }

  @Test
  void aPictureOfAnotherShapeIsCroppedToFillTheFrame(@TempDir Path dir) throws IOException {
    Path wide = ClipChecks.striped(dir, "wide.png", 1600, 400);
    VideoRequest request =
        new VideoRequest(
            "pull out",
            Optional.of(VideoFrame.of(wide)),
            Optional.empty(),
            1,
            12,
            Resolution.P480,
            Aspect.PORTRAIT,
            1);
    GeneratedVideo video = make(request, dir);
    assertThat(video.width()).isEqualTo(480);
    assertThat(video.height()).isEqualTo(854);
    BufferedImage first = frame(video, 0);
    assertThat(first.getWidth()).isEqualTo(480);
    // Letterboxing would leave black bands above and below.
    for (int y : new int[] {4, first.getHeight() / 2, first.getHeight() - 5}) {
      assertThat(MediaChecks.meanLuma(first.getSubimage(0, y, first.getWidth(), 1)))
          .as("row " + y)
          .isGreaterThan(30);
    }
  }

  @Test
  void theBundledFfmpegMakesTheSameKindOfClip(@TempDir Path dir) throws IOException {
    FfmpegInstallation bundled = TestFfmpeg.bundled();
    VideoRequest request =
        request(
            "pan right",
            Optional.of(ClipChecks.discs(dir, "d.png", 960, 540)),
            Optional.empty(),
            1,
            25,
            3);
    VideoProgress progress = new LocalVideoGenerator(() -> bundled).submit(request, dir);
    GeneratedVideo video = ((VideoProgress.Done) progress).video();
    Mp4Facts facts = Mp4Facts.read(video.file());
    assertThat(facts.codec()).isEqualTo("avc1");
    assertThat(facts.faststart()).isTrue();
    assertThat(facts.width()).isEqualTo(854);
    assertThat(ClipChecks.frameHashes(FFMPEG, video.file(), dir)).hasSize(25);
  }

  @Test
  void thereIsNeverAPendingLocalJobToPollAndCancellingIsHarmless() {
    LocalVideoGenerator engine = new LocalVideoGenerator(() -> FFMPEG);
    PendingVideo stranger =
        new PendingVideo("kling", "task-1", "submitted", Instant.EPOCH, Duration.ofSeconds(5));
    assertThatThrownBy(() -> engine.poll(stranger, Path.of("unused")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("never has a pending job")
        .hasMessageContaining("kling");
    engine.cancel(stranger);
    assertThat(engine.name()).isEqualTo("local");
  }

  private static String spoken(CameraMotion motion) {
    return switch (motion) {
      case PUSH_IN -> "push in";
      case PULL_OUT -> "pull out";
      case PAN_LEFT -> "pan left";
      case PAN_RIGHT -> "pan right";
      case ORBIT -> "orbit";
    };
  }

  private static Path sub(Path dir, String name) throws IOException {
    return Files.createDirectory(dir.resolve(name));
  }
}
