package dev.reelforge.media.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
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
    Cancellation cancellation = new Cancellation();
    RenderListener cancelDuringThirdSegment =
        (fraction, step) -> {
          if (step.contains("[3/4]") && fraction > 0.55) {
            cancellation.cancel();
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
