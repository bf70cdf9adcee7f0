package dev.reelforge.providers.kling;

import static dev.reelforge.providers.videogen.VideoVendorContext.failure;
import static dev.reelforge.providers.videogen.VideoVendorContext.frames;
import static dev.reelforge.providers.videogen.VideoVendorContext.picture;
import static dev.reelforge.providers.videogen.VideoVendorContext.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.videogen.GeneratedVideo;
import dev.reelforge.core.videogen.PendingVideo;
import dev.reelforge.core.videogen.VideoGenerator;
import dev.reelforge.core.videogen.VideoProgress;
import dev.reelforge.core.videogen.VideoRequest.Aspect;
import dev.reelforge.core.videogen.VideoRequest.VideoFrame;
import dev.reelforge.providers.http.Json;
import dev.reelforge.providers.videogen.VideoVendorContext;
import dev.reelforge.testkit.stub.StubHttpServer.Request;
import dev.reelforge.testkit.videogen.VideoGeneratorContract;
import dev.reelforge.testkit.videogen.stub.KlingStub;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.OptionalInt;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class KlingVideosTest {

  private static final String ACCESS = "ak-7f3c";
  private static final String SECRET = "sk-2d9e-secret";

  private final VideoVendorContext vendor = new VideoVendorContext();
  private final KlingStub stub = new KlingStub(ACCESS, SECRET, vendor.clock);

  @AfterEach
  void stop() {
    stub.close();
  }

  private KlingOptions.Builder options() {
    return KlingOptions.newBuilder()
        .setBaseUrl(stub.baseUrl())
        .setAccessKey(ACCESS)
        .setSecretKey(SECRET)
        .setPollEvery(Duration.ofSeconds(7))
        .setResilience(VideoVendorContext.resilience());
  }

  private KlingVideos kling() {
    return KlingFactory.videos(options().build(), vendor.context());
  }

  @Nested
  class Contract extends VideoGeneratorContract {
    private final KlingVideos engine = kling();

    @Override
    protected VideoGenerator generator() {
      return engine;
    }

    @Override
    protected VideoGenerator restarted() {
      return kling();
    }

    @Override
    protected OptionalInt vendorSubmissions() {
      return OptionalInt.of(stub.submissions());
    }
  }

  private List<Request> submits(String kind) {
    return stub.server().received("POST", "/v1/videos/" + kind);
  }

  private static JsonNode body(Request request) {
    return Json.MAPPER.readTree(request.body());
  }

  private static PendingVideo pending(VideoProgress progress) {
    assertThat(progress).isInstanceOf(VideoProgress.Pending.class);
    return ((VideoProgress.Pending) progress).job();
  }

  @Test
  void aTextRequestIsSentAsKlingDocumentsItWithASignedToken(@TempDir Path dir) throws Exception {
    PendingVideo job = pending(kling().submit(text("a kite over dunes", 8, Aspect.PORTRAIT), dir));
    JsonNode sent = body(submits("text2video").getFirst());
    assertThat(sent.path("model_name").asString()).isEqualTo("kling-v1-6");
    assertThat(sent.path("prompt").asString()).isEqualTo("a kite over dunes");
    assertThat(sent.path("mode").asString()).isEqualTo("std");
    assertThat(sent.path("duration").asString()).as("8 s: nearest of 5 and 10").isEqualTo("10");
    assertThat(sent.path("aspect_ratio").asString()).isEqualTo("9:16");
    assertThat(sent.has("image")).isFalse();
    assertThat(job.engine()).isEqualTo("kling");
    assertThat(job.externalId()).startsWith("text2video:");
    assertThat(job.vendorStatus()).isEqualTo("submitted");
    assertThat(job.submittedAt()).isEqualTo(vendor.clock.instant());
    assertThat(job.pollAfter()).isEqualTo(Duration.ofSeconds(7));

    String token =
        submits("text2video").getFirst().header("Authorization").substring("Bearer ".length());
    String[] parts = token.split("\\.");
    assertThat(json(parts[0]).path("alg").asString()).isEqualTo("HS256");
    assertThat(json(parts[0]).path("typ").asString()).isEqualTo("JWT");
    JsonNode claims = json(parts[1]);
    long now = vendor.clock.instant().getEpochSecond();
    assertThat(claims.path("iss").asString()).isEqualTo(ACCESS);
    assertThat(claims.path("exp").asLong()).isEqualTo(now + 1800);
    assertThat(claims.path("nbf").asLong()).isEqualTo(now - 5);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] signature = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.UTF_8));
    assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(signature))
        .isEqualTo(parts[2]);
  }

  @Test
  void oneTokenServesUntilFiveMinutesBeforeItExpires(@TempDir Path dir) {
    KlingVideos kling = kling();
    PendingVideo job = pending(kling.submit(text("rain on a window", 5, Aspect.SQUARE), dir));
    kling.poll(job, dir);
    vendor.clock.advance(Duration.ofMinutes(24));
    kling.poll(job, dir);
    vendor.clock.advance(Duration.ofMinutes(1));
    kling.poll(job, dir);
    List<String> tokens =
        stub.server().received().stream()
            .filter(r -> r.path().startsWith("/v1/"))
            .map(r -> r.header("Authorization"))
            .toList();
    assertThat(tokens).hasSize(4);
    assertThat(stub.server().received("GET", "/kling-cdn/.*"))
        .as("the clip comes from Kling's CDN, without the token")
        .allSatisfy(r -> assertThat(r.header("Authorization")).isNull());
    assertThat(tokens.get(1)).isEqualTo(tokens.get(0)).isEqualTo(tokens.get(2));
    assertThat(tokens.get(3)).as("renewed 25 min in").isNotEqualTo(tokens.get(0));
  }

  @Test
  void framesAreCroppedToTheShapeSentAsBase64AndPolledOnTheImagePath(@TempDir Path dir)
      throws IOException {
    VideoFrame start = VideoFrame.of(picture(dir, "start.png", 640, 640, Color.ORANGE));
    VideoFrame end = VideoFrame.of(picture(dir, "end.png", 800, 500, Color.BLUE));
    KlingVideos kling = kling();
    PendingVideo job =
        pending(kling.submit(frames("the camera pushes in", start, end, 4, Aspect.PORTRAIT), dir));
    JsonNode sent = body(submits("image2video").getFirst());
    assertThat(sent.has("aspect_ratio")).as("image2video takes the picture's shape").isFalse();
    assertThat(sent.path("duration").asString()).isEqualTo("5");
    for (String field : List.of("image", "image_tail")) {
      String value = sent.path(field).asString();
      assertThat(value).doesNotStartWith("data:");
      BufferedImage frame =
          ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(value)));
      assertThat(frame.getHeight() / (double) frame.getWidth()).isCloseTo(16 / 9.0, offset());
      assertThat(Math.min(frame.getWidth(), frame.getHeight())).isGreaterThanOrEqualTo(300);
    }
    assertThat(job.externalId()).startsWith("image2video:");
    String taskId = job.externalId().substring("image2video:".length());

    VideoProgress progress = kling.poll(job, dir);
    assertThat(pending(progress).vendorStatus()).isEqualTo("processing");
    progress = kling.poll(pending(progress), dir);
    GeneratedVideo video = ((VideoProgress.Done) progress).video();
    assertThat(stub.server().received("GET", "/v1/videos/image2video/" + taskId)).hasSize(2);
    assertThat(stub.server().received("GET", "/v1/videos/text2video/.*")).isEmpty();
    assertThat(video.height()).isGreaterThan(video.width());
    assertThat(video.durationSeconds()).isCloseTo(5, org.assertj.core.data.Offset.offset(0.1));
    assertThat(video.file()).isEqualTo(dir.resolve("kling-" + taskId + ".mp4"));
    assertThat(vendor.waits).as("the adapter never sleeps").isEmpty();
  }

  @Test
  void aFinishedClipIsMeteredBySecondsAtTheSeedsPrice(@TempDir Path dir) {
    KlingVideos kling = kling();
    VideoProgress progress = kling.submit(text("waves", 10, Aspect.LANDSCAPE), dir);
    while (progress instanceof VideoProgress.Pending p) {
      progress = kling.poll(p.job(), dir);
    }
    GeneratedVideo video = ((VideoProgress.Done) progress).video();
    assertThat(video.model()).isEqualTo("kling/kling-v1-6");
    assertThat(video.durationSeconds()).isCloseTo(10, org.assertj.core.data.Offset.offset(0.1));
    assertThat(vendor.costs.calls())
        .singleElement()
        .satisfies(
            call -> {
              assertThat(call.provider()).isEqualTo("kling");
              assertThat(call.quantity()).isEqualTo(10);
              assertThat(call.unit()).isEqualTo("seconds");
              assertThat(call.estimatedUsd()).isEqualByComparingTo(new BigDecimal("1.00"));
            });
  }

  @Test
  void aContentSecurityRefusalIsReportedAsSuchAndNotRetried(@TempDir Path dir) {
    stub.refuseNextSubmits(1);
    ReelForgeException e = failure(() -> kling().submit(text("something", 5, Aspect.SQUARE), dir));
    assertThat(e.code()).isEqualTo(ErrorCode.CONTENT_REFUSED);
    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage()).contains("Kling").contains("Content security policy");
    assertThat(submits("text2video")).hasSize(1);
  }

  @Test
  void rateAndConcurrencyLimitsAreTheVendorBeingBusy(@TempDir Path dir) {
    stub.rateLimitNextSubmits(1, 2);
    pending(kling().submit(text("first", 5, Aspect.SQUARE), dir));
    assertThat(vendor.waits)
        .singleElement()
        .satisfies(w -> assertThat(w).isBetween(Duration.ofSeconds(2), Duration.ofMillis(2300)));

    stub.concurrencyLimitNextSubmits(3);
    ReelForgeException busy = failure(() -> kling().submit(text("second", 5, Aspect.SQUARE), dir));
    assertThat(busy.code()).isEqualTo(ErrorCode.EXTERNAL_RATE_LIMIT);
    assertThat(busy.retryable()).isTrue();
    assertThat(busy.getMessage()).contains("concurrency").contains("1303");

    stub.rateLimitNextSubmits(1, 600);
    ReelForgeException later = failure(() -> kling().submit(text("third", 5, Aspect.SQUARE), dir));
    assertThat(later.code()).isEqualTo(ErrorCode.EXTERNAL_RATE_LIMIT);
    assertThat(later.retryable()).isTrue();
    assertThat(submits("text2video")).as("2 + 3 + 1 attempts").hasSize(6);
    assertThat(stub.submissions()).isEqualTo(1);
  }

  @Test
  void aSpentBalanceIsNotRetriedDespiteItsTooManyRequestsStatus(@TempDir Path dir) {
    stub.emptyBalanceForNextSubmits(1);
    ReelForgeException e = failure(() -> kling().submit(text("waves", 5, Aspect.SQUARE), dir));
    assertThat(e.code()).isEqualTo(ErrorCode.EXTERNAL_API_ERROR);
    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage()).contains("Kling account").contains("1102");
    assertThat(submits("text2video")).hasSize(1);
    assertThat(vendor.waits).isEmpty();
  }

  @Test
  void serverErrorsAreRetriedThenReportedAsRetryable(@TempDir Path dir) {
    stub.failNextSubmits(1);
    pending(kling().submit(text("first", 5, Aspect.SQUARE), dir));
    stub.failNextSubmits(3);
    ReelForgeException e = failure(() -> kling().submit(text("second", 5, Aspect.SQUARE), dir));
    assertThat(e.code()).isEqualTo(ErrorCode.EXTERNAL_API_ERROR);
    assertThat(e.retryable()).isTrue();
    assertThat(e.getMessage()).contains("500");
    assertThat(submits("text2video")).hasSize(5);
  }

  @Test
  void aRejectedParameterFailsAtOnceWithKlingsReason(@TempDir Path dir) {
    KlingVideos wrongModel =
        KlingFactory.videos(options().setModel("kling-v9").build(), vendor.context());
    ReelForgeException e = failure(() -> wrongModel.submit(text("x y z", 5, Aspect.SQUARE), dir));
    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage()).contains("HTTP 400").contains("kling-v9");
  }

  @Test
  void wrongKeysAndAWrongClockNameTheSettingsToCheck(@TempDir Path dir) {
    KlingVideos wrongSecret =
        KlingFactory.videos(options().setSecretKey("not-the-secret").build(), vendor.context());
    ReelForgeException e = failure(() -> wrongSecret.submit(text("x y z", 5, Aspect.SQUARE), dir));
    assertThat(e.code()).isEqualTo(ErrorCode.EXTERNAL_API_ERROR);
    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage())
        .contains("1002")
        .contains("reelforge.providers.kling.access-key")
        .contains("reelforge.providers.kling.secret-key")
        .doesNotContain("not-the-secret");

    // This machine's clock an hour behind Kling's: every token has already expired there.
    VideoVendorContext late = new VideoVendorContext();
    late.clock.set(vendor.clock.instant().minus(Duration.ofHours(1)));
    KlingVideos behind = KlingFactory.videos(options().build(), late.context());
    ReelForgeException expired = failure(() -> behind.submit(text("x y z", 5, Aspect.SQUARE), dir));
    assertThat(expired.getMessage()).contains("1004").contains("clock");
  }

  @Test
  void aFailedTaskSaysWhyAndASafetyFailureIsARefusal(@TempDir Path dir) {
    stub.failNextJobs(1, "Task timed out in the rendering queue");
    stub.failNextJobs(1, KlingStub.RISK_CONTROL);
    KlingVideos kling = kling();
    ReelForgeException broken = failure(() -> finish(kling, dir));
    assertThat(broken.code()).isEqualTo(ErrorCode.EXTERNAL_API_ERROR);
    assertThat(broken.retryable()).isTrue();
    assertThat(broken.getMessage()).contains("Task timed out in the rendering queue");
    ReelForgeException refused = failure(() -> finish(kling, dir));
    assertThat(refused.code()).isEqualTo(ErrorCode.CONTENT_REFUSED);
    assertThat(refused.retryable()).isFalse();
    assertThat(refused.getMessage()).contains("risk control");
  }

  @Test
  void aTaskThatNeverEndsStaysPendingForTheCallersDeadline(@TempDir Path dir) {
    stub.stallNextJobs(1);
    KlingVideos kling = kling();
    PendingVideo job = pending(kling.submit(text("slow", 5, Aspect.SQUARE), dir));
    for (int i = 0; i < 30; i++) {
      job = pending(kling.poll(job, dir));
    }
    assertThat(job.vendorStatus()).isEqualTo("processing");
    assertThat(vendor.waits).isEmpty();
  }

  @Test
  void klingHasNoCancelSoCancellingSendsNothing(@TempDir Path dir) {
    KlingVideos kling = kling();
    PendingVideo job = pending(kling.submit(text("waves", 5, Aspect.SQUARE), dir));
    int before = stub.server().received().size();
    kling.cancel(job);
    assertThat(stub.server().received()).hasSize(before);
  }

  @Test
  void optionsNameTheSettingToFixAndNeverPrintTheKeys() {
    ReelForgeException noAccess =
        failure(() -> KlingOptions.newBuilder().setSecretKey("s").build());
    assertThat(noAccess.getMessage())
        .isEqualTo(
            "reelforge.providers.kling.access-key: is missing; set it or the variable"
                + " KLING_ACCESS_KEY");
    ReelForgeException noSecret =
        failure(() -> KlingOptions.newBuilder().setAccessKey("a").build());
    assertThat(noSecret.getMessage()).contains("secret-key").contains("KLING_SECRET_KEY");
    ReelForgeException mode =
        failure(
            () ->
                KlingOptions.newBuilder()
                    .setAccessKey("a")
                    .setSecretKey("s")
                    .setMode("max")
                    .build());
    assertThat(mode.getMessage()).startsWith("reelforge.providers.kling.mode: must be std or pro");
    KlingOptions defaults =
        KlingOptions.newBuilder().setAccessKey("ak-1").setSecretKey("sk-1").build();
    assertThat(defaults.baseUrl()).isEqualTo("https://api-singapore.klingai.com");
    assertThat(defaults.pollEvery()).isEqualTo(Duration.ofSeconds(10));
    assertThat(defaults.toString()).doesNotContain("ak-1").doesNotContain("sk-1");
  }

  private static void finish(VideoGenerator engine, Path dir) {
    VideoProgress progress = engine.submit(text("waves at dusk", 5, Aspect.SQUARE), dir);
    while (progress instanceof VideoProgress.Pending p) {
      progress = engine.poll(p.job(), dir);
    }
  }

  private static JsonNode json(String base64url) {
    return Json.MAPPER.readTree(Base64.getUrlDecoder().decode(base64url));
  }

  private static org.assertj.core.data.Offset<Double> offset() {
    return org.assertj.core.data.Offset.offset(0.02);
  }
}
