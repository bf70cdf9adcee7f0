package dev.reelforge.clips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reelforge.core.process.ExternalCommand;
import dev.reelforge.core.render.Cancellation;
import dev.reelforge.core.render.QualityTier;
import dev.reelforge.core.render.RenderJob;
import dev.reelforge.core.render.RenderListener;
import dev.reelforge.core.render.RenderPreset;
import dev.reelforge.core.render.RenderedOutput;
import dev.reelforge.core.timeline.Framing;
import dev.reelforge.core.timeline.Timeline;
import dev.reelforge.core.transcript.TranscriptWord;
import dev.reelforge.media.captions.FontLibrary;
import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import dev.reelforge.media.probe.MediaInfo;
import dev.reelforge.media.probe.MediaProbe;
import dev.reelforge.media.render.RenderEngine;
import dev.reelforge.media.render.RenderSettings;
import dev.reelforge.media.testing.MediaChecks;
import dev.reelforge.media.testing.SubtitleFiles;
import dev.reelforge.media.testing.TestFfmpeg;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A clip cut from a synthetic long video, rendered by the real engine into the TikTok preset: two
 * shots (a crop and a blurred fit), the source's own sound, captions from its words, a hook title.
 */
class ClipRenderTest {

  private static final String[] SPOKEN = {
    "Tides", "are", "slowly", "braking", "the", "Earth", "and", "the", "Moon", "drifts", "away",
    "every", "single", "year."
  };

  @TempDir Path dir;

  @Test
  void aSixSecondClipRendersWithItsSoundCaptionsAndThumbnail() throws Exception {
    FfmpegInstallation ffmpeg = TestFfmpeg.withProbe();
    Path source = source(ffmpeg, dir.resolve("talk.mp4"));
    List<TranscriptWord> words = new ArrayList<>();
    for (int i = 0; i < SPOKEN.length; i++) {
      // From 1.2 s in the source, one word every 450 ms: the last one falls after the clip.
      words.add(new TranscriptWord(SPOKEN[i], 1200 + i * 450L, 1200 + i * 450L + 350, 0.9));
    }
    ClipCut cut =
        new ClipCut(
            source.toString(),
            1000,
            7000,
            List.of(
                new Shot(0, 4000, Shot.Mode.CROP, Framing.at(0.3, 0.5), "face tracked"),
                new Shot(4000, 9000, Shot.Mode.BLURRED_FIT, Framing.CENTRE, "no face found")),
            words,
            "Why the Moon is leaving",
            null,
            true);
    Timeline timeline = ClipTimeline.build(cut);

    RenderedOutput out =
        new RenderEngine(ffmpeg, RenderSettings.in(dir.resolve("work")), FontLibrary.shared())
            .render(
                new RenderJob(
                    timeline,
                    dir,
                    List.of(RenderPreset.TIKTOK),
                    QualityTier.DRAFT,
                    dir.resolve("out"),
                    "clip-1"),
                RenderListener.NONE,
                Cancellation.none())
            .output(RenderPreset.TIKTOK);

    MediaInfo info = new MediaProbe(ffmpeg, Duration.ofSeconds(20)).probe(out.video());
    assertThat(info.durationSeconds()).isCloseTo(6.0, within(0.1));
    assertThat(info.video().orElseThrow().width()).isEqualTo(1080);
    assertThat(info.video().orElseThrow().height()).isEqualTo(1920);
    assertThat(info.audio()).isPresent();
    // The source's tone, normalised to the social target: sound, not the silence of no voice.
    assertThat(MediaChecks.integratedLoudness(ffmpeg, out.video())).isCloseTo(-14, within(1.5));

    // Every word spoken inside the clip is in the sidecars, on the clip's clock.
    String srt = Files.readString(out.srt());
    String vtt = Files.readString(out.vtt());
    for (int i = 0; i < 13; i++) {
      assertThat(srt).containsIgnoringCase(SPOKEN[i]);
      assertThat(vtt).containsIgnoringCase(SPOKEN[i]);
    }
    assertThat(srt).doesNotContainIgnoringCase("year");
    assertThat(vtt).startsWith("WEBVTT");
    List<SubtitleFiles.Cue> cues = SubtitleFiles.read(out.srt());
    assertThat(cues.getFirst().start()).isEqualTo(200);
    assertThat(cues.getLast().start()).isLessThan(6000);
    assertThat(vtt).contains("<00:00:00.650>");

    // After the hook, captions are burned in over the flat grey picture, two thirds down.
    BufferedImage frame = MediaChecks.frame(ffmpeg, out.video(), 120, 30);
    assertThat(brightPixels(frame, 1100, 1450)).as("caption ink").isGreaterThan(500);
    assertThat(brightPixels(frame, 200, 500)).as("no hook any more").isZero();

    BufferedImage thumbnail = ImageIO.read(out.thumbnail().toFile());
    assertThat(thumbnail.getWidth()).isEqualTo(1080);
    assertThat(thumbnail.getHeight()).isEqualTo(1920);
  }

  /** A flat grey 1280x720 video of 9 s with a 220 Hz tone (about -23 LUFS). */
  private static Path source(FfmpegInstallation ffmpeg, Path file) {
    List<String> args =
        List.of(
            "-hide_banner",
            "-nostdin",
            "-y",
            "-f",
            "lavfi",
            "-i",
            "color=c=0x505050:s=1280x720:r=30:d=9",
            "-f",
            "lavfi",
            "-i",
            "sine=f=220:sample_rate=48000:d=9",
            "-af",
            "volume=-12dB",
            "-c:v",
            "mpeg4",
            "-c:a",
            "aac",
            "-shortest",
            file.toString());
    ExternalCommand.Result result = ffmpeg.ffmpeg(args, Duration.ofMinutes(1)).run();
    assertThat(result.succeeded()).as(result.tail(5)).isTrue();
    return file;
  }

  private static int brightPixels(BufferedImage image, int fromY, int toY) {
    int count = 0;
    for (int y = fromY; y < toY; y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        if (((rgb >> 16) & 0xff) > 200 && ((rgb >> 8) & 0xff) > 200) {
          count++;
        }
      }
    }
    return count;
  }
}
