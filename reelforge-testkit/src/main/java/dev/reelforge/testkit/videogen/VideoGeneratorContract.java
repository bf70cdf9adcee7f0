package dev.reelforge.testkit.videogen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.videogen.GeneratedVideo;
import dev.reelforge.core.videogen.PendingVideo;
import dev.reelforge.core.videogen.VideoGenerator;
import dev.reelforge.core.videogen.VideoProgress;
import dev.reelforge.core.videogen.VideoRequest;
import dev.reelforge.core.videogen.VideoRequest.Aspect;
import dev.reelforge.core.videogen.VideoRequest.Resolution;
import dev.reelforge.core.videogen.VideoRequest.VideoFrame;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link VideoGenerator} promises: a real H.264 MP4 of the size and length it reports
 * (never over ten seconds), text-to-video and image-to-video (with an end frame), and a pending job
 * that a fresh instance — the process after a restart — finishes without submitting it again.
 *
 * <p>Polls follow at once (at most {@link #MAX_POLLS}); stubs advance per poll, not per second.
 */
public abstract class VideoGeneratorContract {

  /** Polls a contract run waits for a clip before it fails. */
  protected static final int MAX_POLLS = 60;

  /** The generator under test. */
  protected abstract VideoGenerator generator();

  /** A second instance with the same settings: what a restarted process builds. */
  protected abstract VideoGenerator restarted();

  /** Jobs the vendor has received so far, where a stub counts them; empty offline. */
  protected OptionalInt vendorSubmissions() {
    return OptionalInt.empty();
  }

  @Test
  void aTextPromptBecomesAnH264ClipOfTheReportedSizeAndLength(@TempDir Path dir)
      throws IOException {
    VideoRequest request =
        new VideoRequest(
            "waves rolling onto a beach at sunset",
            Optional.empty(),
            Optional.empty(),
            5,
            24,
            Resolution.P480,
            Aspect.LANDSCAPE,
            42);
    GeneratedVideo video = finish(generator(), generator().submit(request, dir), dir);
    assertIsTheClipItSays(video, dir, request);
  }

  @Test
  void aStartAndEndFrameBecomeAPortraitClip(@TempDir Path dir) throws IOException {
    VideoRequest request =
        new VideoRequest(
            "the camera pushes in slowly",
            Optional.of(VideoFrame.of(picture(dir, "start.png", Color.ORANGE, Color.BLUE))),
            Optional.of(VideoFrame.of(picture(dir, "end.png", Color.GREEN, Color.BLACK))),
            4,
            24,
            Resolution.P480,
            Aspect.PORTRAIT,
            7);
    GeneratedVideo video = finish(generator(), generator().submit(request, dir), dir);
    assertIsTheClipItSays(video, dir, request);
    assertThat(video.height()).as("portrait").isGreaterThan(video.width());
  }

  @Test
  void aPendingJobIsFinishedByARestartedInstanceWithoutASecondSubmit(@TempDir Path dir)
      throws IOException {
    VideoRequest request =
        new VideoRequest(
            "a paper boat on a puddle",
            Optional.of(VideoFrame.of(picture(dir, "boat.png", Color.WHITE, Color.GRAY))),
            Optional.empty(),
            5,
            24,
            Resolution.P480,
            Aspect.SQUARE,
            3);
    VideoProgress first = generator().submit(request, dir);
    int submitted = vendorSubmissions().orElse(0);
    GeneratedVideo video = finish(restarted(), first, dir);
    assertIsTheClipItSays(video, dir, request);
    assertThat(vendorSubmissions().orElse(0)).as("jobs the vendor received").isEqualTo(submitted);
  }

  /** Polls {@code progress} to the end on {@code engine}. */
  protected static GeneratedVideo finish(VideoGenerator engine, VideoProgress progress, Path dir) {
    for (int polls = 0; polls <= MAX_POLLS; polls++) {
      if (progress instanceof VideoProgress.Done done) {
        return done.video();
      }
      PendingVideo pending = ((VideoProgress.Pending) progress).job();
      assertThat(pending.engine()).isEqualTo(engine.name());
      progress = engine.poll(pending, dir);
    }
    throw new AssertionError("no clip after " + MAX_POLLS + " polls");
  }

  private void assertIsTheClipItSays(GeneratedVideo video, Path dir, VideoRequest request)
      throws IOException {
    assertThat(video.file()).startsWith(dir).isRegularFile();
    Mp4Facts facts = Mp4Facts.read(video.file());
    assertThat(facts.codec()).as("H.264").isEqualTo("avc1");
    assertThat(facts.width()).isEqualTo(video.width());
    assertThat(facts.height()).isEqualTo(video.height());
    assertThat(facts.durationSeconds()).isCloseTo(video.durationSeconds(), within(0.25));
    assertThat(video.durationSeconds()).isLessThanOrEqualTo(VideoRequest.MAX_DURATION_SECONDS);
    double askedShape = request.width() / (double) request.height();
    double shape = video.width() / (double) video.height();
    assertThat(Math.abs(shape - askedShape) / askedShape).as("frame shape").isLessThan(0.15);
    assertThat(video.model()).startsWith(generator().name());
    assertThat(video.licence().licence()).isNotBlank();
  }

  private static org.assertj.core.data.Offset<Double> within(double seconds) {
    return org.assertj.core.data.Offset.offset(seconds);
  }

  /** A gradient picture a vendor or the offline engine can animate. */
  protected static Path picture(Path dir, String name, Color from, Color to) throws IOException {
    BufferedImage image = new BufferedImage(640, 640, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setPaint(new GradientPaint(0, 0, from, 640, 640, to));
    g.fillRect(0, 0, 640, 640);
    g.setColor(Color.WHITE);
    g.fillOval(220, 220, 200, 200);
    g.dispose();
    Path file = dir.resolve(name);
    ImageIO.write(image, "png", file.toFile());
    return file;
  }
}
