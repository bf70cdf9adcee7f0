package dev.reelforge.mediagen;

import static dev.reelforge.mediagen.ScriptedVendor.doneAfter;
import static dev.reelforge.mediagen.ScriptedVendor.doneAtOnce;
import static dev.reelforge.mediagen.ScriptedVendor.fails;
import static dev.reelforge.mediagen.ScriptedVendor.neverDone;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.jobs.spi.JobError;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.core.jobs.spi.RunStatus;
import dev.reelforge.core.videogen.VideoGenerator;
import dev.reelforge.mediagen.engines.BreakerSettings;
import dev.reelforge.mediagen.engines.EngineBreaker;
import dev.reelforge.mediagen.engines.FallbackChains;
import dev.reelforge.mediagen.engines.ProductionError;
import dev.reelforge.mediagen.engines.RetryProfile;
import dev.reelforge.mediagen.engines.UserAction;
import dev.reelforge.mediagen.engines.VideoEngines;
import dev.reelforge.testkit.MutableClock;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Video jobs through the pipeline: routing, retries, fallbacks, breakers, timeouts, refusals. */
class VideoJobsTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-05-04T09:00:00Z"));

  @TempDir Path dir;

  private final ScriptedVendor kling =
      new ScriptedVendor(VideoEngines.KLING, clock, doneAfter(2, Duration.ofSeconds(10)));
  private final ScriptedVendor luma =
      new ScriptedVendor(VideoEngines.LUMA, clock, doneAfter(1, Duration.ofSeconds(5)));
  private final ScriptedVendor veo = new ScriptedVendor(VideoEngines.VEO, clock, doneAtOnce());

  private VideoEngines engines(Map<String, RetryProfile> profiles, ScriptedVendor... vendors) {
    Map<String, VideoGenerator> byName = new LinkedHashMap<>();
    for (ScriptedVendor vendor : vendors) {
      byName.put(vendor.engine, new ScriptedVideoEngine(vendor));
    }
    return new VideoEngines(
        byName,
        Optional.of(vendors[0].engine),
        FallbackChains.defaults(),
        profiles,
        BreakerSettings.SEED,
        clock);
  }

  private MediaHarness harness(VideoEngines engines) {
    return MediaHarness.start(dir, clock, ScriptedImages.png(), engines);
  }

  @Test
  void aClipFromAStartFrameIsStoredWithItsThumbnailAndTheEngineThatMadeIt() throws IOException {
    try (MediaHarness media = harness(engines(Map.of(), kling, luma))) {
      UUID frameId = UUID.randomUUID();
      Path still = dir.resolve("still.png");
      ImageIO.write(new BufferedImage(320, 180, BufferedImage.TYPE_INT_RGB), "png", still.toFile());
      String frameKey = MediaKeys.frame(MediaHarness.OWNER, frameId, "start");
      media.media.put(frameKey, still, "image/png");
      VideoJobInput input =
          new VideoJobInput(
              "the camera pushes in", frameKey, null, null, null, 5, 24, "720p", "16:9", 1, null);

      RunRecord run = media.awaitEnd(media.submitVideo(input));

      assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
      VideoJobOutput output = MediaPipelines.videoResult(run).orElseThrow();
      assertThat(output.engine()).isEqualTo("kling");
      assertThat(output.fallbackUsed()).isFalse();
      assertThat(output.enginesTried()).containsExactly("kling");
      assertThat(output.model()).isEqualTo("kling-test-model");
      assertThat(output.durationS()).isEqualTo(5.0);
      assertThat(output.estimatedCostUsd()).isEqualByComparingTo(new BigDecimal("0.50"));
      assertThat(output.clipKey())
          .isEqualTo("media/" + MediaHarness.OWNER + "/video/" + run.id() + ".mp4");
      byte[] clip = Files.readAllBytes(media.media.pathOf(output.clipKey()));
      assertThat(new String(clip, 4, 4, java.nio.charset.StandardCharsets.US_ASCII))
          .isEqualTo("ftyp");
      assertThat(ImageIO.read(media.media.pathOf(output.thumbKey()).toFile()).getWidth())
          .isEqualTo(256);
      assertThat(kling.submits.get()).isEqualTo(1);
      assertThat(kling.requests.getFirst().startImage()).isPresent();
      assertThat(kling.requests.getFirst().width()).isEqualTo(1280);
      try (var left = Files.list(media.workRoot)) {
        assertThat(left).as("the work folder is cleaned").isEmpty();
      }
    }
  }

  @Test
  void whenThePrimaryKeepsFailingItIsRetriedPerItsProfileThenLumaMakesTheClip() {
    kling.always(fails(ErrorCode.EXTERNAL_API_ERROR));
    try (MediaHarness media = harness(engines(Map.of(), kling, luma, veo))) {
      Instant start = clock.instant();
      RunRecord run = media.awaitEnd(media.submitVideo(MediaHarness.textVideo("kling")));

      assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
      VideoJobOutput output = MediaPipelines.videoResult(run).orElseThrow();
      // Seed 001's test: engine_used = LUMA, fallback_triggered = true.
      assertThat(output.engine()).isEqualTo("luma");
      assertThat(output.fallbackUsed()).isTrue();
      assertThat(output.enginesTried()).containsExactly("kling", "luma");
      // Seed 001 §6.2: Kling gets 2 retries, 30 s apart (fixed).
      assertThat(kling.submitTimes)
          .containsExactly(start, start.plusSeconds(30), start.plusSeconds(60));
      assertThat(luma.submits.get()).isEqualTo(1);
      assertThat(veo.submits.get()).isZero();
    }
  }

  @Test
  void fiveFailuresOpenTheEnginesCircuitThenAHalfOpenTrialClosesIt() {
    kling.always(fails(ErrorCode.EXTERNAL_API_ERROR));
    luma.always(doneAtOnce());
    VideoEngines engines =
        engines(
            Map.of("kling", RetryProfile.fixed(0, Duration.ofSeconds(30), Duration.ofMinutes(5))),
            kling,
            luma);
    try (MediaHarness media = harness(engines)) {
      for (int i = 0; i < 5; i++) {
        RunRecord run = media.awaitEnd(media.submitVideo(MediaHarness.textVideo(null)));
        assertThat(MediaPipelines.videoResult(run).orElseThrow().engine()).isEqualTo("luma");
        clock.advance(Duration.ofSeconds(10));
      }
      Instant openedAt = clock.instant().minusSeconds(10);
      EngineBreaker open = engines.breakers().getFirst();
      assertThat(open.engine()).isEqualTo("kling");
      assertThat(open.state()).isEqualTo(EngineBreaker.OPEN);
      assertThat(open.openUntil()).contains(openedAt.plusSeconds(60));
      assertThat(engines.breakers().get(1))
          .isEqualTo(new EngineBreaker("luma", "closed", 0, Optional.empty()));

      // While open, Kling is not asked at all.
      RunRecord skipped = media.awaitEnd(media.submitVideo(MediaHarness.textVideo(null)));
      VideoJobOutput output = MediaPipelines.videoResult(skipped).orElseThrow();
      assertThat(output.engine()).isEqualTo("luma");
      assertThat(output.fallbackUsed()).isTrue();
      assertThat(output.enginesTried()).containsExactly("luma");
      assertThat(kling.submits.get()).isEqualTo(5);

      // 60 s after opening, one trial job decides; Kling works again and the circuit closes.
      clock.set(openedAt.plusSeconds(60));
      assertThat(engines.breakers().getFirst().state()).isEqualTo(EngineBreaker.HALF_OPEN);
      kling.always(doneAtOnce());
      RunRecord trial = media.awaitEnd(media.submitVideo(MediaHarness.textVideo(null)));
      assertThat(MediaPipelines.videoResult(trial).orElseThrow().engine()).isEqualTo("kling");
      assertThat(engines.breakers().getFirst())
          .isEqualTo(new EngineBreaker("kling", "closed", 0, Optional.empty()));
    }
  }

  @Test
  void aRateLimitChangesTheEngineAtOnceWithoutRetryingTheBusyOne() {
    kling.always(fails(ErrorCode.EXTERNAL_RATE_LIMIT));
    try (MediaHarness media = harness(engines(Map.of(), kling, luma))) {
      Instant start = clock.instant();
      RunRecord run = media.awaitEnd(media.submitVideo(MediaHarness.textVideo(null)));
      VideoJobOutput output = MediaPipelines.videoResult(run).orElseThrow();
      assertThat(output.engine()).isEqualTo("luma");
      assertThat(kling.submits.get()).isEqualTo(1);
      assertThat(luma.submitTimes).containsExactly(start);
    }
    ProductionError advice = ProductionError.of(ErrorCode.EXTERNAL_RATE_LIMIT);
    assertThat(advice.userAction()).isEqualTo(UserAction.CHANGE_ENGINE);
    assertThat(advice.fallbackAvailable()).isTrue();
  }

  @Test
  void aJobPastItsEnginesTimeoutIsCancelledAtTheVendorAndHandedToTheNextEngine() {
    kling.always(neverDone(Duration.ofSeconds(20)));
    try (MediaHarness media = harness(engines(Map.of(), kling, luma))) {
      Instant start = clock.instant();
      RunRecord run = media.awaitEnd(media.submitVideo(MediaHarness.textVideo(null)));

      VideoJobOutput output = MediaPipelines.videoResult(run).orElseThrow();
      assertThat(output.engine()).isEqualTo("luma");
      assertThat(output.fallbackUsed()).isTrue();
      assertThat(kling.cancelled).containsExactly("kling-job-1");
      assertThat(kling.submits.get()).as("a timeout is not retried on Kling").isEqualTo(1);
      // Polled every 20 s until the 300 s of seed 001 §6.2 were up, then Luma was asked.
      assertThat(kling.polls.get()).isEqualTo(14);
      assertThat(luma.submitTimes).containsExactly(start.plusSeconds(300));
    }
  }

  @Test
  void whenEveryEngineFailsTheErrorNamesEachAndAdvisesOnTheLast() {
    kling.always(neverDone(Duration.ofSeconds(60)));
    veo.always(neverDone(Duration.ofSeconds(60)));
    try (MediaHarness media = harness(engines(Map.of(), kling, veo))) {
      RunRecord run = media.awaitEnd(media.submitVideo(MediaHarness.textVideo(null)));

      assertThat(run.status()).isEqualTo(RunStatus.FAILED);
      JobError error = run.error().orElseThrow();
      assertThat(error.code()).isEqualTo(ErrorCode.PRODUCTION_TIMEOUT);
      assertThat(error.message())
          .contains("kling: PRODUCTION_TIMEOUT no clip 300 s after the submit")
          .contains("veo: PRODUCTION_TIMEOUT no clip 420 s after the submit")
          .contains("taking longer than expected")
          .contains("user action: RETRY");
      assertThat(kling.cancelled).hasSize(1);
      assertThat(veo.cancelled).hasSize(1);
      assertThat(ProductionError.of(error.code()).fallbackAvailable()).isTrue();
    }
  }

  @Test
  void aContentRefusalFailsTheJobAtOnceWithoutAskingAnotherEngine() {
    kling.always(fails(ErrorCode.CONTENT_REFUSED));
    VideoEngines engines = engines(Map.of(), kling, luma, veo);
    try (MediaHarness media = harness(engines)) {
      RunRecord run = media.awaitEnd(media.submitVideo(MediaHarness.textVideo(null)));

      assertThat(run.status()).isEqualTo(RunStatus.FAILED);
      JobError error = run.error().orElseThrow();
      assertThat(error.code()).isEqualTo(ErrorCode.CONTENT_REFUSED);
      assertThat(error.message()).contains("kling refused").contains("Change the prompt");
      assertThat(kling.submits.get()).isEqualTo(1);
      assertThat(luma.submits.get() + veo.submits.get()).isZero();
      assertThat(ProductionError.of(error.code()).userAction()).isEqualTo(UserAction.CHANGE_PROMPT);
      assertThat(ProductionError.of(error.code()).fallbackAvailable()).isFalse();
      // A refusal says nothing about the engine's health.
      assertThat(engines.breakers().getFirst().recentFailures()).isZero();
    }
  }

  @Test
  void aRequestOneEngineCannotTakeGoesToTheNextWithoutCountingAgainstItsHealth() {
    kling.always(fails(ErrorCode.INVALID_INPUT));
    VideoEngines engines = engines(Map.of(), kling, luma);
    try (MediaHarness media = harness(engines)) {
      RunRecord run = media.awaitEnd(media.submitVideo(MediaHarness.textVideo(null)));
      assertThat(MediaPipelines.videoResult(run).orElseThrow().engine()).isEqualTo("luma");
      assertThat(engines.breakers().getFirst().recentFailures()).isZero();
    }
  }

  @Test
  void noWorkerWaitsForAVendorBetweenPolls() {
    kling.always(doneAfter(1, Duration.ofSeconds(60)));
    try (MediaHarness media = harness(engines(Map.of(), kling))) {
      // One video worker (seed 004 §7), two jobs: both are submitted before either is polled,
      // because the worker is free while the first waits for its vendor.
      UUID first = media.submitVideo(MediaHarness.textVideo(null));
      UUID second = media.submitVideo(MediaHarness.textVideo(null));
      media.awaitDelayed(first);
      media.awaitDelayed(second);
      assertThat(kling.submits.get()).isEqualTo(2);
      assertThat(media.videoPool.activeCount()).isZero();
      assertThat(media.task(first).progressMessage())
          .hasValueSatisfying(line -> assertThat(line).startsWith("kling: "));

      assertThat(media.awaitEnd(first).status()).isEqualTo(RunStatus.SUCCEEDED);
      assertThat(media.awaitEnd(second).status()).isEqualTo(RunStatus.SUCCEEDED);
      assertThat(kling.polls.get()).isEqualTo(2);
    }
  }
}
