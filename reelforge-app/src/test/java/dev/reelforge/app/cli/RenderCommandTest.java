package dev.reelforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.timeline.Motion;
import dev.reelforge.core.timeline.Segment;
import dev.reelforge.core.timeline.Timeline;
import dev.reelforge.core.timeline.VisualClip;
import dev.reelforge.media.testing.Fixtures;
import dev.reelforge.story.TimelineJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reelforge render}, in-process: a real render from a timeline file. */
class RenderCommandTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Cli cli =
      new Cli(
          new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));

  @Test
  void rendersATimelineFileToEveryPresetAsked(@TempDir Path dir) throws Exception {
    Timeline timeline = Fixtures.story(dir, 3, 2);
    Path file = dir.resolve("moon story.json");
    Files.writeString(file, TimelineJson.write(timeline));
    Path output = dir.resolve("out");

    int exit =
        cli.run(
            "render",
            file.toString(),
            "--preset",
            "square,youtube",
            "--quality",
            "draft",
            "--out",
            output.toString(),
            "--reelforge.media.render-work-dir=" + dir.resolve("work"));

    assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(output.resolve("moon-story-square.mp4")).isNotEmptyFile();
    assertThat(output.resolve("moon-story-youtube.mp4")).isNotEmptyFile();
    assertThat(output.resolve("moon-story-youtube.jpg")).isNotEmptyFile();
    assertThat(output.resolve("moon-story-square.vtt")).content().startsWith("WEBVTT");
    String stdout = out.toString(StandardCharsets.UTF_8);
    assertThat(stdout).contains("Rendering 3.0 s to square, youtube (draft)").contains("about ");
    assertThat(stdout).contains("4 segment(s) encoded, 0 reused");
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("100%");
  }

  @Test
  void badInputIsExplainedWithoutAStackTrace(@TempDir Path dir) throws Exception {
    assertThat(cli.run("render", "x.json", "--preset", "vine")).isEqualTo(Cli.EXIT_USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("unknown format 'vine' (formats: tiktok, reels, shorts, youtube, square)");

    assertThat(cli.run("render", dir.resolve("missing.json").toString())).isEqualTo(Cli.EXIT_USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("no timeline file at")
        .contains("see reelforge render --help");

    Timeline broken =
        Fixtures.story(dir, 3, 2)
            .withSegment(0, Segment.of("gone", 1500, VisualClip.image("gone.png", Motion.NONE)));
    Path file = dir.resolve("broken.json");
    Files.writeString(file, TimelineJson.write(broken));
    assertThat(
            cli.run(
                "render",
                file.toString(),
                "--out",
                dir.resolve("out").toString(),
                "--reelforge.media.render-work-dir=" + dir.resolve("work")))
        .isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("segments[0].visual.source: no readable file at")
        .doesNotContain("Exception");
  }
}
