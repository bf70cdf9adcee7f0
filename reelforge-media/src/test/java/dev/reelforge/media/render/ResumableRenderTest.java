package dev.reelforge.media.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.render.Cancellation;
import dev.reelforge.core.render.QualityTier;
import dev.reelforge.core.render.RenderCancelledException;
import dev.reelforge.core.render.RenderJob;
import dev.reelforge.core.render.RenderListener;
import dev.reelforge.core.render.RenderPreset;
import dev.reelforge.core.render.RenderResult;
import dev.reelforge.core.timeline.Motion;
import dev.reelforge.core.timeline.Segment;
import dev.reelforge.core.timeline.Timeline;
import dev.reelforge.core.timeline.VisualClip;
import dev.reelforge.media.captions.FontLibrary;
import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import dev.reelforge.media.probe.MediaInfo;
import dev.reelforge.media.probe.MediaProbe;
import dev.reelforge.media.testing.Fixtures;
import dev.reelforge.media.testing.TestFfmpeg;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Segment caching: edits, interruptions, cancellation and time limits. */
class ResumableRenderTest {

  @TempDir Path dir;
  FfmpegInstallation ffmpeg;
  Timeline timeline;

  @BeforeEach
  void story() throws IOException {
    ffmpeg = TestFfmpeg.withProbe();
    timeline = Fixtures.story(dir, 6, 4);
  }

  private RenderEngine engine(Path work, Duration timeout) {
    return new RenderEngine(ffmpeg, new RenderSettings(work, timeout), FontLibrary.shared());
  }

  private RenderJob job(Timeline t, String name) {
    return new RenderJob(
        t, dir, List.of(RenderPreset.TIKTOK), QualityTier.DRAFT, dir.resolve("out"), name);
  }

  @Test
  void changingOneSegmentReRendersOnlyThatSegmentAndTheJoin() throws IOException {
    RenderEngine engine = engine(dir.resolve("work"), Duration.ofMinutes(5));
    RenderResult first =
        engine.render(job(timeline, "v"), RenderListener.NONE, Cancellation.none());
    assertThat(first.segmentsRendered()).isEqualTo(4);

    Fixtures.picture(dir.resolve("replacement.png"), 1200, 1600, 99);
    Segment old = timeline.segments().get(2);
    Timeline edited =
        timeline.withSegment(
            2,
            new Segment(
                old.id(),
                old.durationMillis(),
                VisualClip.image("replacement.png", Motion.zoomIn()),
                old.transitionIn()));
    RenderResult second = engine.render(job(edited, "v"), RenderListener.NONE, Cancellation.none());

    assertThat(second.segmentsRendered()).isEqualTo(1);
    assertThat(second.segmentsReused()).isEqualTo(3);
    assertThat(second.audioReused()).isTrue();
    assertThat(probe(second).durationSeconds()).isCloseTo(6, within(0.06));
  }

  @Test
  void anInterruptedRenderResumesAndMatchesAFreshRender() throws IOException {
    Path work = dir.resolve("work");
    // A long third segment, cancelled at FFmpeg's first progress report inside it: the encoder
    // is running and must be killed.
    long[] durations = {1000, 1000, 8000, 1000};
    Timeline story = timeline;
    for (int i = 0; i < durations.length; i++) {
      Segment s = story.segments().get(i);
      story = story.withSegment(i, new Segment(s.id(), durations[i], s.visual(), s.transitionIn()));
    }
    timeline = story;
    Cancellation cancellation = new Cancellation();
    double[] thirdStart = {-1};
    RenderListener cancelDuringThirdSegment =
        (fraction, step) -> {
          if (step.contains("[3/4]")) {
            if (thirdStart[0] < 0) {
              thirdStart[0] = fraction;
            } else if (fraction > thirdStart[0]) {
              cancellation.cancel();
            }
          }
        };
    assertThatThrownBy(
            () ->
                engine(work, Duration.ofMinutes(5))
                    .render(job(timeline, "v"), cancelDuringThirdSegment, cancellation))
        .isInstanceOf(RenderCancelledException.class);
    assertThat(ffmpegChildren()).as("FFmpeg killed").isZero();
    assertThat(filesUnder(work.resolve("tmp"))).as("temporary files removed").isEmpty();
    assertThat(dir.resolve("out/v-tiktok.mp4")).doesNotExist();

    RenderResult resumed =
        engine(work, Duration.ofMinutes(5))
            .render(job(timeline, "v"), RenderListener.NONE, Cancellation.none());
    assertThat(cancellation.isCancelled()).as("cancelled while segment 3 was encoding").isTrue();
    assertThat(resumed.segmentsReused()).isEqualTo(2);
    assertThat(resumed.segmentsRendered()).isEqualTo(2);
    assertThat(resumed.audioReused()).isTrue();

    RenderResult fresh =
        engine(dir.resolve("fresh-work"), Duration.ofMinutes(5))
            .render(job(timeline, "fresh"), RenderListener.NONE, Cancellation.none());
    MediaInfo a = probe(resumed);
    MediaInfo b = probe(fresh);
    assertThat(a.durationSeconds()).isEqualTo(b.durationSeconds());
    assertThat(a.streams()).hasSameSizeAs(b.streams());
    for (int i = 0; i < a.streams().size(); i++) {
      MediaInfo.Stream x = a.streams().get(i);
      MediaInfo.Stream y = b.streams().get(i);
      assertThat(
              List.of(x.type(), x.codec(), x.width(), x.height(), x.frames(), x.durationSeconds()))
          .isEqualTo(
              List.of(y.type(), y.codec(), y.width(), y.height(), y.frames(), y.durationSeconds()));
    }
  }

  @Test
  void aRenderPastItsTimeLimitIsKilledWithATimeoutError() throws IOException {
    Path work = dir.resolve("work");
    assertThatThrownBy(
            () ->
                engine(work, Duration.ofMillis(300))
                    .render(job(timeline, "v"), RenderListener.NONE, Cancellation.none()))
        .isInstanceOfSatisfying(
            ReelForgeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TIMEOUT));
    assertThat(ffmpegChildren()).isZero();
    assertThat(filesUnder(work.resolve("tmp"))).isEmpty();
  }

  @Test
  void temporaryFoldersOfKilledRendersAreRemovedByTheNextRender() throws IOException {
    Path work = dir.resolve("work");
    Path abandoned = Files.createDirectories(work.resolve("tmp/abandoned"));
    Files.writeString(abandoned.resolve("partial-1.mp4"), "half a segment");
    Files.setLastModifiedTime(
        abandoned,
        java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 2 * 86_400_000L));
    Path recent = Files.createDirectories(work.resolve("tmp/another-render"));

    engine(work, Duration.ofMinutes(5))
        .render(job(timeline, "v"), RenderListener.NONE, Cancellation.none());

    assertThat(abandoned).doesNotExist();
    assertThat(recent).as("possibly a render running in another process").exists();
  }

  @Test
  void aMissingSourceIsAnInputErrorNamingTheField() {
    Timeline broken =
        timeline.withSegment(
            1, Segment.of("x", 1500, VisualClip.image("nowhere.png", Motion.NONE)));
    assertThatThrownBy(
            () ->
                engine(dir.resolve("work"), Duration.ofMinutes(1))
                    .render(job(broken, "v"), RenderListener.NONE, Cancellation.none()))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
              assertThat(e.violations().getFirst().field()).isEqualTo("segments[1].visual.source");
            });
  }

  private MediaInfo probe(RenderResult result) {
    return new MediaProbe(ffmpeg, Duration.ofSeconds(30))
        .probe(result.output(RenderPreset.TIKTOK).video());
  }

  private static long ffmpegChildren() {
    return ProcessHandle.current()
        .descendants()
        .filter(p -> p.isAlive() && p.info().command().orElse("").contains("ffmpeg"))
        .count();
  }

  private static List<Path> filesUnder(Path root) throws IOException {
    if (!Files.exists(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }
}
