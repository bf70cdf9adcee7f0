package dev.reelforge.mediagen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.imagegen.Pngs;
import dev.reelforge.mediagen.engines.VideoEngines;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code generate} command's maker: one job on an in-process engine, in real time. */
class MediaMakerTest {

  private final Clock clock = Clock.systemUTC();

  @TempDir Path dir;

  @Test
  void aPictureIsWrittenAsNamedWithItsThumbnailAndNothingElseIsLeft() throws IOException {
    MediaMaker maker =
        new MediaMaker(
            ScriptedImages.png(),
            VideoEngines.of(List.of(), clock),
            new ImageIoThumbnailer(),
            clock);
    List<String> lines = new CopyOnWriteArrayList<>();

    MediaMaker.MadeImage made =
        maker.makeImage(
            new ImageJobInput("a red kite", null, "9:16", 4, "hd"),
            dir,
            "kite",
            (fraction, message) -> lines.add(message),
            () -> false);

    assertThat(made.image()).isEqualTo(dir.resolve("kite.png"));
    assertThat(Pngs.isPng(made.image())).isTrue();
    BufferedImage picture = ImageIO.read(made.image().toFile());
    assertThat(picture.getHeight()).isEqualTo(1536);
    assertThat(ImageIO.read(made.thumbnail().toFile()).getHeight()).isEqualTo(256);
    assertThat(lines).isNotEmpty().last().isEqualTo("scripted: done");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("kite.png", "kite.jpg");
    }
  }

  @Test
  void aClipFromAStillIsWrittenWithTheEngineThatMadeIt() throws IOException {
    ScriptedVendor local =
        new ScriptedVendor("local", clock, ScriptedVendor.doneAfter(1, Duration.ofMillis(200)));
    MediaMaker maker =
        new MediaMaker(
            ScriptedImages.png(),
            VideoEngines.of(List.of(new ScriptedVideoEngine(local)), clock),
            new ImageIoThumbnailer(),
            clock);
    Path still = dir.resolve("still.png");
    ImageIO.write(new BufferedImage(64, 36, BufferedImage.TYPE_INT_RGB), "png", still.toFile());
    Path out = dir.resolve("out");

    MediaMaker.MadeVideo made =
        maker.makeVideo(
            new VideoOrder(
                "drift", Optional.of(still), Optional.empty(), 5, 24, "480p", "16:9", 1, null),
            out,
            "drift",
            MediaProgress.NONE,
            () -> false);

    assertThat(made.clip()).isEqualTo(out.resolve("drift.mp4")).isRegularFile();
    assertThat(made.output().engine()).isEqualTo("local");
    assertThat(local.requests.getFirst().startImage()).isPresent();
    assertThat(out.toFile().list()).noneMatch(name -> name.startsWith(MediaMaker.WORK_DIR));
  }

  @Test
  void withoutAVideoEngineTheMakerSaysSoBeforeWritingAnything() {
    MediaMaker maker =
        new MediaMaker(
            ScriptedImages.png(),
            VideoEngines.of(List.of(), clock),
            new ImageIoThumbnailer(),
            clock);
    VideoOrder order =
        new VideoOrder("waves", Optional.empty(), Optional.empty(), 4, 24, "720p", "16:9", 0, null);
    assertThatThrownBy(
            () ->
                maker.makeVideo(
                    order, dir.resolve("out"), "waves", MediaProgress.NONE, () -> false))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE));
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void aRefusedClipFailsWithTheEnginesWordsAndLeavesNoWorkFolder() {
    ScriptedVendor kling =
        new ScriptedVendor("kling", clock, ScriptedVendor.fails(ErrorCode.CONTENT_REFUSED));
    MediaMaker maker =
        new MediaMaker(
            ScriptedImages.png(),
            VideoEngines.of(List.of(new ScriptedVideoEngine(kling)), clock),
            new ImageIoThumbnailer(),
            clock);
    VideoOrder order =
        new VideoOrder(
            "waves", Optional.empty(), Optional.empty(), 4, 24, "720p", "16:9", 0, "kling");
    assertThatThrownBy(() -> maker.makeVideo(order, dir, "waves", MediaProgress.NONE, () -> false))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.CONTENT_REFUSED);
              assertThat(e.getMessage()).contains("kling refused");
            });
    assertThat(dir.toFile().list()).noneMatch(name -> name.startsWith(MediaMaker.WORK_DIR));
  }

  @Test
  void aWrongOrderIsRefusedWithTheApisFieldNames() {
    assertThatThrownBy(
            () ->
                new VideoOrder(
                    "x", Optional.empty(), Optional.empty(), 11, 24, "720p", "16:9", 0, null))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> assertThat(e.violations().getFirst().field()).isEqualTo("duration_s"));
    assertThatThrownBy(
            () ->
                new VideoOrder(
                    "x",
                    Optional.empty(),
                    Optional.of(Path.of("end.png")),
                    5,
                    24,
                    "720p",
                    "16:9",
                    0,
                    null))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> assertThat(e.violations().getFirst().field()).isEqualTo("end_image_url"));
  }
}
