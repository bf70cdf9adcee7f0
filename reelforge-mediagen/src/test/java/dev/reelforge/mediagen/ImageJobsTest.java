package dev.reelforge.mediagen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.imagegen.Pngs;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.core.jobs.spi.RunStatus;
import dev.reelforge.mediagen.engines.VideoEngines;
import dev.reelforge.testkit.MutableClock;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageJobsTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-05-04T09:00:00Z"));

  @TempDir Path dir;

  private MediaHarness harness(ScriptedImages images) {
    return MediaHarness.start(dir, clock, images, VideoEngines.of(List.of(), clock));
  }

  @Test
  void anImageJobStoresAPngAndA256PixelThumbnailUnderTheSeedsKeys() throws IOException {
    // An engine answering JPEG: the job keeps a PNG all the same.
    ScriptedImages images = new ScriptedImages("jpeg", 0, ErrorCode.EXTERNAL_API_ERROR);
    try (MediaHarness media = harness(images)) {
      UUID job =
          media.submitImage(new ImageJobInput("a fox in the snow", "", "16:9", 3, "standard"));
      RunRecord run = media.awaitEnd(job);

      assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
      ImageJobOutput output = MediaPipelines.imageResult(run).orElseThrow();
      assertThat(output.imageKey())
          .isEqualTo("media/" + MediaHarness.OWNER + "/images/" + job + ".png");
      assertThat(output.thumbKey())
          .isEqualTo("media/" + MediaHarness.OWNER + "/thumbs/" + job + ".jpg");
      assertThat(output.estimatedCostUsd()).isEqualByComparingTo(new BigDecimal("0.02"));
      assertThat(output.model()).isEqualTo("scripted-1");

      Path png = media.media.pathOf(output.imageKey());
      assertThat(Pngs.isPng(png)).isTrue();
      BufferedImage picture = ImageIO.read(png.toFile());
      assertThat(picture.getWidth()).isEqualTo(1024).isEqualTo(output.width());
      assertThat(picture.getHeight()).isEqualTo(576).isEqualTo(output.height());
      BufferedImage thumb = ImageIO.read(media.media.pathOf(output.thumbKey()).toFile());
      assertThat(thumb.getWidth()).isEqualTo(256);
      assertThat(thumb.getHeight()).isEqualTo(144);
      assertThat(MediaPipelines.videoResult(run)).as("not a video run").isEmpty();
      try (var left = Files.list(media.workRoot)) {
        assertThat(left).as("the work folder is cleaned").isEmpty();
      }
    }
  }

  @Test
  void aTransientFailureIsRetriedAfterTheSeedsBackoffAndThenSucceeds() {
    ScriptedImages images = new ScriptedImages("png", 1, ErrorCode.EXTERNAL_API_ERROR);
    try (MediaHarness media = harness(images)) {
      Instant start = clock.instant();
      UUID job = media.submitImage(new ImageJobInput("a lighthouse", null, null, 0, null));
      var delayed = media.awaitDelayed(job);
      // Seed 004 §7: 1 s before the second attempt (up to 20 % less, jittered).
      assertThat(Duration.between(start, delayed.runAfter()))
          .isBetween(Duration.ofMillis(800), Duration.ofSeconds(1));
      assertThat(delayed.lastError().orElseThrow().code()).isEqualTo(ErrorCode.PREVIEW_FAILED);

      RunRecord run = media.awaitEnd(job);
      assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
      assertThat(images.calls.get()).isEqualTo(2);
      assertThat(media.task(job).attempt()).isEqualTo(2);
    }
  }

  @Test
  void anEngineThatKeepsFailingIsTriedThreeTimesThenTheJobFailsAsPreviewFailed() {
    ScriptedImages images = new ScriptedImages("png", 10, ErrorCode.EXTERNAL_API_TIMEOUT);
    try (MediaHarness media = harness(images)) {
      UUID job = media.submitImage(new ImageJobInput("a lighthouse", null, null, 0, null));
      RunRecord run = media.awaitEnd(job);
      assertThat(run.status()).isEqualTo(RunStatus.FAILED);
      assertThat(images.calls.get()).isEqualTo(3);
      assertThat(run.error().orElseThrow().code()).isEqualTo(ErrorCode.PREVIEW_FAILED);
      assertThat(run.error().orElseThrow().message()).contains("image generation failed");
    }
  }

  @Test
  void aPromptTheEngineRefusesFailsAtOnceWithoutARetry() {
    ScriptedImages images = new ScriptedImages("png", 10, ErrorCode.CONTENT_REFUSED);
    try (MediaHarness media = harness(images)) {
      UUID job = media.submitImage(new ImageJobInput("something refused", null, null, 0, null));
      RunRecord run = media.awaitEnd(job);
      assertThat(run.status()).isEqualTo(RunStatus.FAILED);
      assertThat(images.calls.get()).isEqualTo(1);
      assertThat(run.error().orElseThrow().code()).isEqualTo(ErrorCode.CONTENT_REFUSED);
    }
  }
}
