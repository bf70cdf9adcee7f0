package dev.reelforge.media.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reelforge.core.render.Cancellation;
import dev.reelforge.core.render.QualityTier;
import dev.reelforge.core.render.RenderJob;
import dev.reelforge.core.render.RenderPreset;
import dev.reelforge.core.render.RenderResult;
import dev.reelforge.core.render.RenderedOutput;
import dev.reelforge.core.timeline.Timeline;
import dev.reelforge.media.captions.FontLibrary;
import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import dev.reelforge.media.probe.MediaInfo;
import dev.reelforge.media.probe.MediaProbe;
import dev.reelforge.media.probe.Mp4Boxes;
import dev.reelforge.media.testing.Fixtures;
import dev.reelforge.media.testing.MediaChecks;
import dev.reelforge.media.testing.SubtitleFiles;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders one story (voice, music, captions, hook, motion, transitions) to a vertical and a
 * horizontal preset with one FFmpeg build, then measures the results. Subclasses pick the build, so
 * the same checks run against the distribution's FFmpeg and the bundled one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RenderedVideoContract {

  static final double SECONDS = 7;

  Path dir;

  FfmpegInstallation ffmpeg;
  Timeline timeline;
  RenderResult result;
  final List<Double> progress = new ArrayList<>();

  abstract FfmpegInstallation installation();

  @BeforeAll
  void render(@TempDir Path tempDir) throws Exception {
    dir = tempDir;
    ffmpeg = installation();
    timeline = Fixtures.story(dir, SECONDS, 3);
    RenderEngine engine =
        new RenderEngine(ffmpeg, RenderSettings.in(dir.resolve("work")), FontLibrary.shared());
    result =
        engine.render(
            new RenderJob(
                timeline,
                dir,
                List.of(RenderPreset.TIKTOK, RenderPreset.YOUTUBE),
                QualityTier.STANDARD,
                dir.resolve("out"),
                "story"),
            (fraction, step) -> progress.add(fraction),
            Cancellation.none());
  }

  MediaInfo probe(RenderPreset preset) {
    return new MediaProbe(ffmpeg, Duration.ofSeconds(30)).probe(result.output(preset).video());
  }

  @Test
  void videoStreamIsPlatformReadyH264() {
    for (RenderPreset preset : List.of(RenderPreset.TIKTOK, RenderPreset.YOUTUBE)) {
      MediaInfo.Stream video = probe(preset).video().orElseThrow();
      assertThat(video.codec()).isEqualTo("h264");
      assertThat(video.profile()).isEqualTo("High");
      assertThat(video.pixelFormat()).isEqualTo("yuv420p");
      assertThat(video.width()).isEqualTo(preset.width());
      assertThat(video.height()).isEqualTo(preset.height());
      assertThat(video.frameRate()).isCloseTo(preset.fps(), within(0.01));
    }
  }

  @Test
  void audioIsStereoAacAndDurationMatchesTheVoiceWithinOnePercent() {
    MediaInfo info = probe(RenderPreset.TIKTOK);
    assertThat(info.streams()).hasSize(2);
    MediaInfo.Stream audio = info.audio().orElseThrow();
    assertThat(audio.codec()).isEqualTo("aac");
    assertThat(audio.sampleRate()).isEqualTo(48_000);
    assertThat(audio.channels()).isEqualTo(2);
    assertThat(info.durationSeconds()).isCloseTo(SECONDS, within(SECONDS * 0.01));
    assertThat(info.video().orElseThrow().durationSeconds())
        .isCloseTo(SECONDS, within(SECONDS * 0.01));
  }

  @Test
  void theIndexComesBeforeTheMediaData() {
    for (RenderedOutput output : result.outputs()) {
      assertThat(Mp4Boxes.fastStart(output.video()))
          .as("moov before mdat in %s", Mp4Boxes.topLevel(output.video()))
          .isTrue();
    }
  }

  @Test
  void loudnessIsNormalisedToSocialTarget() {
    double loudness =
        MediaChecks.integratedLoudness(ffmpeg, result.output(RenderPreset.TIKTOK).video());
    assertThat(loudness).isCloseTo(RenderPreset.SOCIAL_LOUDNESS_LUFS, within(1.0));
  }

  @Test
  void musicDucksWhileTheVoiceSpeaks() {
    // The fixture's music is a steady A-minor chord; its 220 Hz component is measured before
    // the first word (music alone, after its fade-in) and in the middle of speech.
    Path video = result.output(RenderPreset.TIKTOK).video();
    double firstWord = Fixtures.LEAD_IN_MILLIS / 1000.0;
    double alone = MediaChecks.bandLevel(ffmpeg, video, 220, 0.5, firstWord - 0.1);
    double underVoice = MediaChecks.bandLevel(ffmpeg, video, 220, firstWord + 0.8, firstWord + 2.3);
    assertThat(alone - underVoice).as("ducking in dB").isGreaterThan(5);
  }

  @Test
  void sidecarsParseAndAreMonotonic() throws Exception {
    RenderedOutput output = result.output(RenderPreset.TIKTOK);
    for (Path file : List.of(output.srt(), output.vtt())) {
      List<SubtitleFiles.Cue> cues = SubtitleFiles.read(file);
      assertThat(cues).isNotEmpty();
      long previousEnd = 0;
      for (SubtitleFiles.Cue cue : cues) {
        assertThat(cue.start()).isGreaterThanOrEqualTo(previousEnd);
        assertThat(cue.end()).isGreaterThan(cue.start());
        assertThat(cue.lines()).hasSizeBetween(1, 2);
        previousEnd = cue.end();
      }
      assertThat(cues.getFirst().start())
          .isEqualTo(timeline.captions().words().getFirst().startMillis());
      String text = String.join(" ", cues.stream().flatMap(c -> c.lines().stream()).toList());
      assertThat(text.replaceAll("<[^>]+>", "")).startsWith("The moon is slowly drifting");
    }
  }

  @Test
  void thumbnailsMatchEachPresetAndCarryTheTitle() throws Exception {
    for (RenderedOutput output : result.outputs()) {
      BufferedImage thumbnail = ImageIO.read(output.thumbnail().toFile());
      assertThat(thumbnail.getWidth()).isEqualTo(output.preset().width());
      assertThat(thumbnail.getHeight()).isEqualTo(output.preset().height());
    }
  }

  @Test
  void progressRisesToOneWithoutGoingBack() {
    assertThat(progress).isSortedAccordingTo(Double::compare);
    assertThat(progress.getLast()).isEqualTo(1.0);
    assertThat(progress.size()).isGreaterThan(6);
  }

  @Test
  void theSoundtrackIsMixedOnceForBothPresets() throws Exception {
    assertThat(result.segmentsRendered()).isEqualTo(6);
    assertThat(result.audioReused()).isFalse();
    try (var mixes = java.nio.file.Files.list(dir.resolve("work/cache/audio"))) {
      assertThat(mixes.toList()).hasSize(1);
    }
  }
}
