package dev.reelforge.media.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reelforge.core.process.ExternalCommand;
import dev.reelforge.core.render.Cancellation;
import dev.reelforge.core.render.QualityTier;
import dev.reelforge.core.render.RenderJob;
import dev.reelforge.core.render.RenderListener;
import dev.reelforge.core.render.RenderPreset;
import dev.reelforge.core.timeline.AudioTrack;
import dev.reelforge.core.timeline.CaptionTrack;
import dev.reelforge.core.timeline.Overlays;
import dev.reelforge.core.timeline.Segment;
import dev.reelforge.core.timeline.Timeline;
import dev.reelforge.core.timeline.VisualClip;
import dev.reelforge.media.captions.FontLibrary;
import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import dev.reelforge.media.testing.MediaChecks;
import dev.reelforge.media.testing.TestFfmpeg;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A clip's voice is its source video's own audio, read from the clip's start. */
class ClipSoundtrackTest {

  @TempDir Path dir;

  @Test
  void theVoiceIsTheSourcesAudioFromTheClipsStartNormalisedForSocial() throws Exception {
    FfmpegInstallation ffmpeg = TestFfmpeg.withProbe();
    // 4 s of video whose sound is 440 Hz for 2 s, then 1000 Hz, quietly (about -30 LUFS).
    run(
        ffmpeg,
        "-f",
        "lavfi",
        "-i",
        "testsrc2=s=640x360:r=30:d=4",
        "-f",
        "lavfi",
        "-i",
        "aevalsrc='0.05*sin(2*PI*if(lt(t,2),440,1000)*t)':s=48000:d=4",
        "-c:v",
        "mpeg4",
        "-c:a",
        "aac",
        "-shortest",
        dir.resolve("talk.mp4").toString());
    Timeline clip =
        new Timeline(
            List.of(
                Segment.of("shot", 1500, VisualClip.video("talk.mp4", 2300, Optional.of(3800L)))),
            Optional.of(AudioTrack.from("talk.mp4", 2300)),
            Optional.empty(),
            CaptionTrack.NONE,
            Overlays.NONE);

    Path video =
        new RenderEngine(ffmpeg, RenderSettings.in(dir.resolve("work")), FontLibrary.shared())
            .render(
                new RenderJob(
                    clip,
                    dir,
                    List.of(RenderPreset.TIKTOK),
                    QualityTier.DRAFT,
                    dir.resolve("out"),
                    "clip"),
                RenderListener.NONE,
                Cancellation.none())
            .output(RenderPreset.TIKTOK)
            .video();

    // From 2.3 s the source plays 1000 Hz only: read from the file's start, 440 Hz would play.
    double high = MediaChecks.bandLevel(ffmpeg, video, 1000, 0.1, 1.4);
    double low = MediaChecks.bandLevel(ffmpeg, video, 440, 0.1, 1.4);
    assertThat(high - low).as("1000 Hz over 440 Hz, dB").isGreaterThan(20);
    assertThat(MediaChecks.integratedLoudness(ffmpeg, video)).isCloseTo(-14, within(1.5));
  }

  private static void run(FfmpegInstallation ffmpeg, String... args) {
    List<String> all = new java.util.ArrayList<>(List.of("-hide_banner", "-nostdin", "-y"));
    all.addAll(List.of(args));
    ExternalCommand.Result result = ffmpeg.ffmpeg(all, Duration.ofMinutes(1)).run();
    assertThat(result.succeeded()).as(result.tail(5)).isTrue();
  }
}
