package dev.reelforge.providers.luma;

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
import dev.reelforge.testkit.stub.StubHttpServer;
import dev.reelforge.testkit.stub.StubHttpServer.Reply;
import dev.reelforge.testkit.stub.StubHttpServer.Request;
import dev.reelforge.testkit.videogen.VideoGeneratorContract;
import dev.reelforge.testkit.videogen.stub.FrameHost;
import dev.reelforge.testkit.videogen.stub.LumaStub;
import java.awt.Color;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class LumaVideosTest {

  private static final String KEY = "luma-7c1e";

  private final VideoVendorContext vendor = new VideoVendorContext();
  private final LumaStub stub = new LumaStub(KEY, vendor.clock);
  private final FrameHost frameHost = new FrameHost();

  @AfterEach
  void stop() {
    stub.close();
    frameHost.close();
  }

  private LumaOptions.Builder options() {
    return LumaOptions.newBuilder()
        .setBaseUrl(stub.baseUrl())
        .setApiKey(KEY)
        .setPollEvery(Duration.ofSeconds(3))
        .setResilience(VideoVendorContext.resilience());
  }

  private LumaVideos luma() {
    return luma(options());
  }

  private LumaVideos luma(LumaOptions.Builder options) {
    return LumaFactory.videos(options.build(), vendor.context());
  }

  /** Luma with frames published at public URLs, as the application does once it has one. */
  @Nested
  class Contract extends VideoGeneratorContract {
    private final VideoGenerator engine = frameHost.publishing(luma());

    @Override
    protected VideoGenerator generator() {
      return engine;
    }

    @Override
    protected VideoGenerator restarted() {
      return frameHost.publishing(luma());
    }

    @Override
    protected OptionalInt vendorSubmissions() {
      return OptionalInt.of(stub.submissions());
    }
  }

  private List<Request> submits() {
    return stub.server().received("POST", "/dream-machine/v1/generations");
  }

  private static JsonNode body(Request request) {
    return Json.MAPPER.readTree(request.body());
  }

  private static PendingVideo pending(VideoProgress progress) {
    assertThat(progress).isInstanceOf(VideoProgress.Pending.class);
    return ((VideoProgress.Pending) progress).job();
  }

  private VideoFrame published(Path file) {
    return new VideoFrame(file, Optional.of(frameHost.publish(file)));
  }

  @Test
  void aRequestIsSentAsLumaDocumentsIt(@TempDir Path dir) throws IOException {
    VideoFrame start = published(picture(dir, "start.png", 512, 512, Color.ORANGE));
    VideoFrame end = published(picture(dir, "end.png", 512, 512, Color.BLUE));
    PendingVideo job =
        pending(luma().submit(frames("a slow dolly forward", start, end, 8, Aspect.PORTRAIT), dir));
    Request sent = submits().getFirst();
    assertThat(sent.header("Authorization")).isEqualTo("Bearer " + KEY);
    JsonNode body = body(sent);
    assertThat(body.path("prompt").asString()).isEqualTo("a slow dolly forward");
    assertThat(body.path("model").asString()).isEqualTo("ray-2");
    assertThat(body.path("aspect_ratio").asString()).isEqualTo("9:16");
    assertThat(body.path("resolution").asString()).isEqualTo("720p");
    assertThat(body.path("duration").asString()).as("8 s: nearest of 5 and 9").isEqualTo("9s");
    assertThat(body.path("loop").asBoolean(true)).isFalse();
    assertThat(body.path("keyframes").path("frame0").path("type").asString()).isEqualTo("image");
    assertThat(body.path("keyframes").path("frame0").path("url").asString())
        .isEqualTo(start.publicUrl().orElseThrow());
    assertThat(body.path("keyframes").path("frame1").path("url").asString())
        .isEqualTo(end.publicUrl().orElseThrow());
    assertThat(body.has("callback_url")).isFalse();
    assertThat(job.engine()).isEqualTo("luma");
    assertThat(job.vendorStatus()).isEqualTo("queued");
    assertThat(job.pollAfter()).isEqualTo(Duration.ofSeconds(3));

    luma().submit(text("waves on rocks", 4, Aspect.LANDSCAPE), dir);
    JsonNode textOnly = body(submits().get(1));
    assertThat(textOnly.path("resolution").asString()).as("480p is Luma's 540p").isEqualTo("540p");
    assertThat(textOnly.path("duration").asString()).isEqualTo("5s");
    assertThat(textOnly.has("keyframes")).isFalse();
  }

  @Test
  void aFrameWithoutAPublicAddressIsRefusedBeforeAnythingIsSent(@TempDir Path dir)
      throws IOException {
    VideoFrame local = VideoFrame.of(picture(dir, "local.png", 512, 512, Color.GREEN));
    ReelForgeException e =
        failure(() -> luma().submit(frames("a boat", local, null, 5, Aspect.SQUARE), dir));
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage())
        .startsWith("start_image_url:")
        .contains("Luma fetches frames by URL")
        .contains("public URL");
    assertThat(stub.server().received()).isEmpty();
  }

  @Test
  void pollingFollowsTheStatesThenDownloadsMeasuresAndMeters(@TempDir Path dir) {
    LumaVideos luma = luma();
    PendingVideo job = pending(luma.submit(text("a lighthouse at night", 9, Aspect.SQUARE), dir));
    PendingVideo dreaming = pending(luma.poll(job, dir));
    assertThat(dreaming.vendorStatus()).isEqualTo("dreaming");
    assertThat(dreaming.externalId()).isEqualTo(job.externalId());
    GeneratedVideo video = ((VideoProgress.Done) luma.poll(dreaming, dir)).video();
    assertThat(stub.server().received("GET", "/dream-machine/v1/generations/" + job.externalId()))
        .hasSize(2)
        .allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + KEY));
    assertThat(video.file()).isEqualTo(dir.resolve("luma-" + job.externalId() + ".mp4"));
    assertThat(video.width()).isEqualTo(video.height());
    assertThat(video.durationSeconds()).isCloseTo(9, org.assertj.core.data.Offset.offset(0.1));
    assertThat(video.model()).isEqualTo("luma/ray-2");
    assertThat(video.licence().url()).isEqualTo("https://lumalabs.ai/legal/tos");
    assertThat(vendor.costs.calls())
        .singleElement()
        .satisfies(
            call -> {
              assertThat(call.quantity()).isEqualTo(9);
              assertThat(call.estimatedUsd()).isEqualByComparingTo(new BigDecimal("0.90"));
            });
    assertThat(vendor.waits).as("the adapter never sleeps").isEmpty();
  }

  @Test
  void cancellingDeletesTheGenerationAndAGoneOneIsNoError(@TempDir Path dir) {
    LumaVideos luma = luma();
    PendingVideo job = pending(luma.submit(text("a comet", 5, Aspect.SQUARE), dir));
    luma.cancel(job);
    assertThat(
            stub.server().received("DELETE", "/dream-machine/v1/generations/" + job.externalId()))
        .singleElement()
        .satisfies(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + KEY));
    assertThat(stub.deletions()).isEqualTo(1);
    luma.cancel(job);
    assertThat(stub.deletions()).isEqualTo(1);
    ReelForgeException gone = failure(() -> luma.poll(job, dir));
    assertThat(gone.retryable()).isFalse();
    assertThat(gone.getMessage()).contains("404").contains("Generation not found");
  }

  @Test
  void callbacksArePostedToTheConfiguredAddressAndReadBack(@TempDir Path dir) {
    try (StubHttpServer app = new StubHttpServer()) {
      app.route("POST", "/hooks/luma", r -> Reply.json(200, "{}"));
      LumaVideos luma = luma(options().setCallbackUrl(app.baseUrl() + "/hooks/luma"));
      PendingVideo job = pending(luma.submit(text("a comet", 5, Aspect.SQUARE), dir));
      assertThat(body(submits().getFirst()).path("callback_url").asString())
          .isEqualTo(app.baseUrl() + "/hooks/luma");
      stub.advanceAll();
      stub.advanceAll();
      List<LumaCallback> received =
          app.received("POST", "/hooks/luma").stream()
              .map(r -> LumaCallback.parse(r.body()))
              .toList();
      assertThat(received).extracting(LumaCallback::state).containsExactly("dreaming", "completed");
      assertThat(received).allSatisfy(c -> assertThat(c.id()).isEqualTo(job.externalId()));
      assertThat(received.getLast().finished()).isTrue();
      assertThat(received.getLast().videoUrl()).isPresent();
      // The callback says when to look; the poll, with the key, fetches the clip.
      assertThat(luma.poll(job, dir)).isInstanceOf(VideoProgress.Done.class);
    }
  }

  @Test
  void aCallbackBodyThatIsNotAGenerationIsRefused() {
    assertThat(failure(() -> LumaCallback.parse("nonsense".getBytes())).code())
        .isEqualTo(ErrorCode.INVALID_INPUT);
    assertThat(
            failure(() -> LumaCallback.parse("{\"state\":\"completed\"}".getBytes())).getMessage())
        .startsWith("id:");
    assertThat(
            failure(() -> LumaCallback.parse("{\"id\":\"g1\",\"state\":\"done\"}".getBytes()))
                .getMessage())
        .startsWith("state:");
    LumaCallback failed =
        LumaCallback.parse(
            "{\"id\":\"g1\",\"state\":\"failed\",\"failure_reason\":\"Frame moderation failed\"}"
                .getBytes());
    assertThat(failed.failureReason()).contains("Frame moderation failed");
    assertThat(failed.finished()).isTrue();
  }

  @Test
  void aModerationFailureIsARefusalAndOtherFailuresMayBeRetried(@TempDir Path dir) {
    stub.refuseNextJobs(1);
    stub.failNextJobs(1, "Job failed");
    LumaVideos luma = luma();
    ReelForgeException refused = failure(() -> finish(luma, dir));
    assertThat(refused.code()).isEqualTo(ErrorCode.CONTENT_REFUSED);
    assertThat(refused.retryable()).isFalse();
    assertThat(refused.getMessage()).contains(LumaStub.PROMPT_MODERATION);
    ReelForgeException broken = failure(() -> finish(luma, dir));
    assertThat(broken.code()).isEqualTo(ErrorCode.EXTERNAL_API_ERROR);
    assertThat(broken.retryable()).isTrue();
  }

  @Test
  void framesLumaCannotFetchFailTheJobWithAHintAboutThePublicAddress(@TempDir Path dir)
      throws IOException {
    VideoFrame unreachable =
        new VideoFrame(
            picture(dir, "start.png", 512, 512, Color.RED),
            Optional.of("http://127.0.0.1:9/frames/start.png"));
    LumaVideos luma = luma();
    PendingVideo job =
        pending(luma.submit(frames("a fox", unreachable, null, 5, Aspect.LANDSCAPE), dir));
    ReelForgeException e =
        failure(
            () -> {
              PendingVideo next = job;
              while (true) {
                next = pending(luma.poll(next, dir));
              }
            });
    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage()).contains(LumaStub.UNREADABLE_FRAMES).contains("public URL");
  }

  @Test
  void limitsCreditsAndOutagesMapOntoTheTaxonomy(@TempDir Path dir) {
    stub.rateLimitNextSubmits(1, 2);
    pending(luma().submit(text("first", 5, Aspect.SQUARE), dir));
    assertThat(vendor.waits)
        .singleElement()
        .satisfies(w -> assertThat(w).isBetween(Duration.ofSeconds(2), Duration.ofMillis(2300)));

    stub.rateLimitNextSubmits(3, 1);
    ReelForgeException busy = failure(() -> luma().submit(text("second", 5, Aspect.SQUARE), dir));
    assertThat(busy.code()).isEqualTo(ErrorCode.EXTERNAL_RATE_LIMIT);
    assertThat(busy.retryable()).isTrue();

    stub.noCreditsForNextSubmits(1);
    ReelForgeException broke = failure(() -> luma().submit(text("third", 5, Aspect.SQUARE), dir));
    assertThat(broke.code()).isEqualTo(ErrorCode.EXTERNAL_API_ERROR);
    assertThat(broke.retryable()).isFalse();
    assertThat(broke.getMessage()).contains("Luma account").contains("credits");

    stub.failNextSubmits(3);
    ReelForgeException down = failure(() -> luma().submit(text("fourth", 5, Aspect.SQUARE), dir));
    assertThat(down.code()).isEqualTo(ErrorCode.EXTERNAL_API_ERROR);
    assertThat(down.retryable()).isTrue();
    assertThat(submits()).as("2 + 3 + 1 + 3 attempts").hasSize(9);
    assertThat(stub.submissions()).isEqualTo(1);
  }

  @Test
  void aWrongKeyAndARejectedRequestFailAtOnceSayingWhy(@TempDir Path dir) {
    ReelForgeException key =
        failure(
            () -> luma(options().setApiKey("wrong")).submit(text("abc", 5, Aspect.SQUARE), dir));
    assertThat(key.retryable()).isFalse();
    assertThat(key.getMessage())
        .contains("Invalid API key provided")
        .contains("reelforge.providers.luma.api-key");
    ReelForgeException model =
        failure(() -> luma(options().setModel("ray-9")).submit(text("abc", 5, Aspect.SQUARE), dir));
    assertThat(model.retryable()).isFalse();
    assertThat(model.getMessage()).contains("HTTP 400").contains("model must be one of");
    assertThat(submits()).hasSize(2);
  }

  @Test
  void aGenerationThatNeverEndsStaysPendingForTheCallersDeadline(@TempDir Path dir) {
    stub.stallNextJobs(1);
    LumaVideos luma = luma();
    PendingVideo job = pending(luma.submit(text("slow", 5, Aspect.SQUARE), dir));
    for (int i = 0; i < 30; i++) {
      job = pending(luma.poll(job, dir));
    }
    assertThat(job.vendorStatus()).isEqualTo("dreaming");
  }

  @Test
  void optionsCheckTheCallbackAddressAndNeverPrintTheKey() {
    ReelForgeException e =
        failure(() -> LumaOptions.newBuilder().setApiKey("k").setCallbackUrl("ftp://x").build());
    assertThat(e.getMessage()).startsWith("reelforge.providers.luma.callback-url: must start with");
    LumaOptions defaults =
        LumaOptions.newBuilder().setApiKey("luma-secret").setCallbackUrl("  ").build();
    assertThat(defaults.callbackUrl()).isEmpty();
    assertThat(defaults.baseUrl()).isEqualTo("https://api.lumalabs.ai");
    assertThat(defaults.model()).isEqualTo("ray-2");
    assertThat(defaults.toString()).doesNotContain("luma-secret");
  }

  private static void finish(VideoGenerator engine, Path dir) {
    VideoProgress progress = engine.submit(text("waves at dusk", 5, Aspect.SQUARE), dir);
    while (progress instanceof VideoProgress.Pending p) {
      progress = engine.poll(p.job(), dir);
    }
  }
}
