package dev.reelforge.media.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.process.ExternalCommand;
import dev.reelforge.core.render.Cancellation;
import dev.reelforge.core.render.QualityTier;
import dev.reelforge.core.render.RenderJob;
import dev.reelforge.core.render.RenderListener;
import dev.reelforge.core.render.RenderPreset;
import dev.reelforge.core.script.ScriptMetadata;
import dev.reelforge.core.timeline.CaptionTrack;
import dev.reelforge.core.timeline.CaptionWord;
import dev.reelforge.core.timeline.Motion;
import dev.reelforge.core.timeline.Overlays;
import dev.reelforge.core.timeline.Segment;
import dev.reelforge.core.timeline.Timeline;
import dev.reelforge.core.timeline.VisualClip;
import dev.reelforge.media.captions.FontLibrary;
import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import dev.reelforge.media.procedural.DesignPainter;
import dev.reelforge.media.procedural.DesignStyle;
import dev.reelforge.media.procedural.Palette;
import dev.reelforge.media.testing.MediaChecks;
import dev.reelforge.media.testing.TestFfmpeg;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes the frame grabs of docs/rendering.md's "Titles" section: for the README's example hook and
 * a long hook, in every preset, the video's frame at one second (the hook up, captions hidden under
 * it) and the thumbnail over a typography card (the case that used to put text on text). Each comes
 * from a real render, downscaled to a small 8-bit PNG. Run with {@code
 * -Dreelforge.docs.write=true}; otherwise it only checks that the grabs exist and are small.
 */
class TitleGrabsTest {

  static final Path IMAGES = Path.of("..", "docs", "images", "titles");

  /** The README example's hook, and the tide sentence of the same text cut to a title's length. */
  static final Map<String, String> HOOKS = new LinkedHashMap<>();

  static {
    HOOKS.put("moon", "The Moon is drifting away from Earth by about 3.8 centimetres every year");
    HOOKS.put(
        "long",
        ScriptMetadata.title(
            "The cause is the tide: Earth's oceans bulge toward the Moon, and because Earth spins"
                + " faster than the Moon orbits, that bulge runs slightly ahead and tugs the Moon"
                + " forward."));
  }

  /** The largest a grab may be, so that the docs stay light. */
  static final long MAX_BYTES = 80 * 1024;

  @Test
  void grabsExistForEveryPresetAndStaySmall(@TempDir Path dir) throws Exception {
    if (!Boolean.getBoolean("reelforge.docs.write")) {
      for (String name : names()) {
        Path grab = IMAGES.resolve(name + ".png");
        assertThat(grab).as("run with -Dreelforge.docs.write=true to draw it").exists();
        assertThat(Files.size(grab)).isLessThanOrEqualTo(MAX_BYTES);
      }
      return;
    }
    FfmpegInstallation ffmpeg = TestFfmpeg.any();
    Files.createDirectories(IMAGES);
    RenderEngine engine =
        new RenderEngine(ffmpeg, RenderSettings.in(dir.resolve("work")), FontLibrary.shared());
    Palette palette = Palette.pick(2);
    for (RenderPreset preset : RenderPreset.values()) {
      int w = preset.width();
      int h = preset.height();
      write(
          DesignPainter.paint(DesignStyle.FLOW_FIELD, palette, w, h, "", 11),
          dir.resolve("flow-" + preset.id() + ".png"));
      write(
          DesignPainter.paint(DesignStyle.TYPOGRAPHY_CARD, palette, w, h, "moon", 12),
          dir.resolve("card-" + preset.id() + ".png"));
      for (Map.Entry<String, String> hook : HOOKS.entrySet()) {
        String name = hook.getKey() + "-" + preset.id();
        Timeline video = timeline("flow-" + preset.id() + ".png", hook.getValue());
        Path rendered =
            engine
                .render(
                    new RenderJob(
                            video, dir, List.of(preset), QualityTier.HIGH, dir.resolve(name), name)
                        .withoutThumbnails(),
                    RenderListener.NONE,
                    Cancellation.none())
                .output(preset)
                .video();
        BufferedImage frame = MediaChecks.frame(ffmpeg, rendered, preset.fps(), preset.fps());
        Path framePng = dir.resolve(name + "-frame.png");
        ImageIO.write(frame, "png", framePng.toFile());
        small(ffmpeg, framePng, IMAGES.resolve("hook-" + name + ".png"), preset);

        RenderJob cover =
            new RenderJob(
                timeline("card-" + preset.id() + ".png", hook.getValue()),
                dir,
                List.of(preset),
                QualityTier.HIGH,
                dir.resolve(name + "-cover"),
                name);
        Path thumbnail = engine.thumbnails(cover, Cancellation.none()).getFirst();
        small(ffmpeg, thumbnail, IMAGES.resolve("thumbnail-" + name + ".png"), preset);
      }
    }
  }

  /** One picture under the hook, with the hook's words spoken and captioned under it. */
  private static Timeline timeline(String picture, String hook) {
    List<String> spoken = Arrays.asList(hook.replace("…", "").split("\\s+"));
    List<CaptionWord> words = new ArrayList<>();
    long t = 200;
    for (String word : spoken) {
      words.add(new CaptionWord(word, t, t + 260));
      t += 300;
    }
    return new Timeline(
        List.of(Segment.of("hook", t + 400, VisualClip.image(picture, Motion.NONE))),
        Optional.empty(),
        Optional.empty(),
        new CaptionTrack(words, "bold-pop"),
        new Overlays(Optional.of(new Overlays.HookTitle(hook, 0, 2500)), Optional.empty()));
  }

  /** A quarter of the size, in at most 64 colours: a PNG light enough for the docs. */
  private static void small(FfmpegInstallation ffmpeg, Path source, Path target, RenderPreset p) {
    int width = p.width() / 4;
    ExternalCommand.Result result =
        ffmpeg
            .ffmpeg(
                List.of(
                    "-hide_banner",
                    "-nostdin",
                    "-y",
                    "-i",
                    source.toString(),
                    "-vf",
                    "scale="
                        + width
                        + ":-1:flags=lanczos,split[a][b];[a]palettegen=max_colors=64[p];"
                        + "[b][p]paletteuse=dither=none",
                    "-frames:v",
                    "1",
                    target.toString()),
                Duration.ofMinutes(1))
            .run();
    assertThat(result.succeeded()).as(result.tail(5)).isTrue();
  }

  private static void write(BufferedImage image, Path file) throws Exception {
    ImageIO.write(image, "png", file.toFile());
  }

  private static List<String> names() {
    List<String> names = new ArrayList<>();
    for (RenderPreset preset : RenderPreset.values()) {
      for (String hook : HOOKS.keySet()) {
        names.add("hook-" + hook + "-" + preset.id());
        names.add("thumbnail-" + hook + "-" + preset.id());
      }
    }
    return names;
  }
}
