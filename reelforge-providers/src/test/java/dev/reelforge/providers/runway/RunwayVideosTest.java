package dev.reelforge.providers.runway;

import static dev.reelforge.providers.videogen.VideoVendorContext.failsWith;
import static dev.reelforge.providers.videogen.VideoVendorContext.picture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.videogen.GeneratedVideo;
import dev.reelforge.core.videogen.PendingVideo;
import dev.reelforge.core.videogen.VideoGenerator;
import dev.reelforge.core.videogen.VideoProgress;
import dev.reelforge.core.videogen.VideoRequest;
import dev.reelforge.core.videogen.VideoRequest.Aspect;
import dev.reelforge.core.videogen.VideoRequest.Resolution;
import dev.reelforge.core.videogen.VideoRequest.VideoFrame;
import dev.reelforge.providers.videogen.VideoVendorContext;
import dev.reelforge.testkit.stub.StubHttpServer.Request;
import dev.reelforge.testkit.videogen.Mp4Facts;
import dev.reelforge.testkit.videogen.VideoGeneratorContract;
import dev.reelforge.testkit.videogen.stub.RunwayStub;
import java.awt.Color;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class RunwayVideosTest {

  private static final String KEY = "key_0123abcd";

  private final RunwayStub stub = new RunwayStub(KEY);
  private final VideoVendorContext cloud = new VideoVendorContext();

  @AfterEach
  void stop() {
    stub.close();
  }

  private RunwayOptions.Builder options(String model) {
    return RunwayOptions.newBuilder()
        .setBaseUrl(stub.baseUrl())
        .setApiKey(KEY)
        .setModel(model)
        .setPollEvery(Duration.ofSeconds(7))
        .setResilience(VideoVendorContext.resilience());
  }

  private RunwayVideos runway(String model) {
    return RunwayFactory.videos(options(model).build(), cloud.context());
  }

  /** The contract on the default model, which makes clips from text and from a start frame. */
  @Nested
  class Contract extends VideoGeneratorContract {
    private final RunwayVideos runway = runway(RunwayOptions.DEFAULT_MODEL);

    @Override
    protected VideoGenerator generator() {
      return runway;
    }

    @Override
    protected VideoGenerator restarted() {
      return runway(RunwayOptions.DEFAULT_MODEL);
    }

    @Override
    protected OptionalInt vendorSubmissions() {
      return OptionalInt.of(stub.submissions());
    }
  }

  @Test
  void aStartFrameGoesToImageToVideoAndTheTaskIsPolledToItsClip(@TempDir Path dir)
      throws IOException {
    RunwayVideos runway = runway("gen4_turbo");
    Path start = picture(dir, "start.png", 64, 64, Color.ORANGE);
    VideoProgress progress =
        runway.submit(request("a kite rises", Optional.of(start), Aspect.LANDSCAPE, 5, 42), dir);

    Request submit = stub.submitted().getLast();
    assertThat(submit.path()).isEqualTo("/v1/image_to_video");
    assertThat(submit.header("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(submit.header("X-Runway-Version")).isEqualTo("2024-11-06");
    assertThat(submit.header("Content-Type")).isEqualTo("application/json");
    JsonNode body = stub.lastSubmission();
    assertThat(body.path("model").asString()).isEqualTo("gen4_turbo");
    assertThat(body.path("promptText").asString()).isEqualTo("a kite rises");
    assertThat(body.path("ratio").asString()).isEqualTo("1280:720");
    assertThat(body.path("duration").asInt()).isEqualTo(5);
    assertThat(body.path("seed").asLong()).isEqualTo(42);
    String uri = body.path("promptImage").asString();
    assertThat(uri).startsWith("data:image/png;base64,");
    assertThat(Base64.getDecoder().decode(uri.substring(uri.indexOf(',') + 1)))
        .isEqualTo(Files.readAllBytes(start));

    List<String> statuses = new ArrayList<>();
    GeneratedVideo video = finish(runway, progress, dir, p -> statuses.add(p.vendorStatus()));
    assertThat(statuses).containsExactly("PENDING", "PENDING", "THROTTLED", "RUNNING");
    assertThat(stub.received())
        .filteredOn(r -> r.path().startsWith("/v1/"))
        .allSatisfy(r -> assertThat(r.header("X-Runway-Version")).isEqualTo("2024-11-06"))
        .allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + KEY));
    assertThat(stub.received())
        .filteredOn(r -> r.path().startsWith("/cdn/"))
        .singleElement()
        .satisfies(
            r -> assertThat(r.header("Authorization")).as("CDN links go without the key").isNull());

    Mp4Facts facts = Mp4Facts.read(video.file());
    assertThat(video.file()).hasParent(dir).hasFileName("runway-" + pendingId(progress) + ".mp4");
    assertThat(video.width()).isEqualTo(facts.width()).isGreaterThan(video.height());
    assertThat(video.durationSeconds()).isCloseTo(5.0, org.assertj.core.data.Offset.offset(0.1));
    assertThat(video.model()).isEqualTo("runway/gen4_turbo");
    assertThat(dir).isDirectoryNotContaining("glob:**.part");
    assertThat(cloud.costs.calls())
        .singleElement()
        .satisfies(
            call -> {
              assertThat(call.provider()).isEqualTo("runway");
              assertThat(call.operation()).isEqualTo("video");
              assertThat(call.quantity()).isEqualTo(5);
              assertThat(call.unit()).isEqualTo("seconds");
              assertThat(call.estimatedUsd()).isEqualByComparingTo(new BigDecimal("0.50"));
            });
  }

  @Test
  void pollsComeBackAfterTheConfiguredIntervalAndNothingWaitsInTheAdapter(@TempDir Path dir)
      throws IOException {
    RunwayVideos runway = runway("gen4_turbo");
    VideoProgress progress =
        runway.submit(
            request(
                "x", Optional.of(picture(dir, "s.png", 64, 64, Color.RED)), Aspect.SQUARE, 4, 1),
            dir);
    assertThat(((VideoProgress.Pending) progress).job().pollAfter()).hasSeconds(7);
    assertThat(((VideoProgress.Pending) runway.poll(job(progress), dir)).job().pollAfter())
        .hasSeconds(7);
    assertThat(stub.lastSubmission().path("ratio").asString()).isEqualTo("960:960");
    assertThat(cloud.waits).isEmpty();
  }

  @Test
  void aPublicHttpsFrameIsPassedByAddressNotInlined(@TempDir Path dir) throws IOException {
    VideoFrame frame =
        new VideoFrame(
            picture(dir, "s.png", 64, 64, Color.BLUE),
            Optional.of("https://cdn.example.com/s.png"));
    runway("gen4_turbo")
        .submit(
            new VideoRequest(
                "drift",
                Optional.of(frame),
                Optional.empty(),
                5,
                24,
                Resolution.P720,
                Aspect.PORTRAIT,
                3),
            dir);
    assertThat(stub.lastSubmission().path("promptImage").asString())
        .isEqualTo("https://cdn.example.com/s.png");
    assertThat(stub.lastSubmission().path("ratio").asString()).isEqualTo("720:1280");
  }

  @Test
  void aPromptAloneGoesToTextToVideoOnGen45(@TempDir Path dir) {
    runway("gen4.5")
        .submit(request("fog over a lake", Optional.empty(), Aspect.PORTRAIT, 10, -1), dir);
    Request submit = stub.submitted().getLast();
    assertThat(submit.path()).isEqualTo("/v1/text_to_video");
    JsonNode body = stub.lastSubmission();
    assertThat(body.has("promptImage")).isFalse();
    assertThat(body.path("ratio").asString()).isEqualTo("720:1280");
    assertThat(body.path("duration").asInt()).isEqualTo(10);
    assertThat(body.path("seed").asLong())
        .as("a negative seed folded into Runway's range")
        .isEqualTo(4294967295L);
  }

  @Test
  void aModelWithoutATextPathRefusesAPromptAloneBeforeCallingRunway(@TempDir Path dir) {
    assertThatThrownBy(
            () ->
                runway("gen4_turbo")
                    .submit(request("fog", Optional.empty(), Aspect.LANDSCAPE, 5, 1), dir))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
              assertThat(e.violations().getFirst().field()).isEqualTo("start_image_url");
              assertThat(e.getMessage()).contains("reelforge.providers.runway.model");
            });
    assertThat(stub.submitted()).isEmpty();
  }

  @Test
  void gen3aTurboTakesTheEndFrameAsTheLastKeyframe(@TempDir Path dir) throws IOException {
    VideoRequest request =
        new VideoRequest(
            "morph",
            Optional.of(VideoFrame.of(picture(dir, "a.png", 64, 64, Color.GREEN))),
            Optional.of(VideoFrame.of(picture(dir, "b.png", 64, 64, Color.BLACK))),
            7,
            24,
            Resolution.P720,
            Aspect.LANDSCAPE,
            9);
    runway("gen3a_turbo").submit(request, dir);
    JsonNode frames = stub.lastSubmission().path("promptImage");
    assertThat(frames.isArray()).isTrue();
    assertThat(frames.path(0).path("position").asString()).isEqualTo("first");
    assertThat(frames.path(1).path("position").asString()).isEqualTo("last");
    assertThat(frames.path(1).path("uri").asString()).startsWith("data:image/png;base64,");
    assertThat(stub.lastSubmission().path("ratio").asString()).isEqualTo("1280:768");
    assertThat(stub.lastSubmission().path("duration").asInt())
        .as("nearest of 5 and 10")
        .isEqualTo(5);

    runway("gen4.5").submit(request, dir);
    assertThat(stub.lastSubmission().path("promptImage").isString())
        .as("gen4.5 takes a first frame only; the end frame is left out")
        .isTrue();
    assertThat(stub.lastSubmission().path("duration").asInt()).isEqualTo(7);
  }

  @Test
  void whatAModelCannotMakeIsRefusedWithTheFieldToChange(@TempDir Path dir) throws IOException {
    Optional<Path> start = greyStart(dir);
    assertRefusedField(
        () -> runway("gen3a_turbo").submit(request("x", start, Aspect.SQUARE, 5, 1), dir),
        "aspect_ratio");
    assertRefusedField(
        () -> runway("gen4.5").submit(request("x", Optional.empty(), Aspect.SQUARE, 5, 1), dir),
        "aspect_ratio");
    assertRefusedField(
        () ->
            runway("gen4.5").submit(request("x".repeat(1001), start, Aspect.LANDSCAPE, 5, 1), dir),
        "video_prompt");
    assertRefusedField(
        () -> runway("gen4.5").submit(request(" ", start, Aspect.LANDSCAPE, 5, 1), dir),
        "video_prompt");
    Files.writeString(dir.resolve("not.png"), "plain text");
    assertRefusedField(
        () ->
            runway("gen4_turbo")
                .submit(
                    request("x", Optional.of(dir.resolve("not.png")), Aspect.LANDSCAPE, 5, 1), dir),
        "start_image_url");
    assertThat(stub.submitted()).isEmpty();
  }

  @Test
  void aMissingOrUnknownApiVersionIsRefusedByRunwayAndNotRetried(@TempDir Path dir)
      throws IOException {
    RunwayVideos old =
        RunwayFactory.videos(
            options("gen4_turbo").setApiVersion("2023-01-01").build(), cloud.context());
    Optional<Path> start = greyStart(dir);
    failsWith(
        () -> old.submit(request("x", start, Aspect.LANDSCAPE, 5, 1), dir),
        ErrorCode.EXTERNAL_API_ERROR,
        false,
        "HTTP 400",
        "X-Runway-Version");
    assertThat(stub.submitted()).hasSize(1);
    assertThat(stub.submissions()).isZero();
  }

  @Test
  void aWrongKeyIsRefusedWithTheSettingToCheck(@TempDir Path dir) throws IOException {
    RunwayVideos wrong =
        RunwayFactory.videos(options("gen4_turbo").setApiKey("key_wrong").build(), cloud.context());
    Optional<Path> start = greyStart(dir);
    assertThatThrownBy(() -> wrong.submit(request("x", start, Aspect.LANDSCAPE, 5, 1), dir))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> {
              assertThat(e.retryable()).isFalse();
              assertThat(e.getMessage())
                  .contains("HTTP 401")
                  .contains("reelforge.providers.runway.api-key")
                  .doesNotContain("key_wrong");
            });
  }

  @Test
  void runwayBusyPastTheRetriesIsAnExternalRateLimit(@TempDir Path dir) throws IOException {
    stub.failNextSubmits(3, 429);
    Optional<Path> start = greyStart(dir);
    failsWith(
        () -> runway("gen4_turbo").submit(request("x", start, Aspect.LANDSCAPE, 5, 1), dir),
        ErrorCode.EXTERNAL_RATE_LIMIT,
        true,
        "Runway is busy",
        "429");
    assertThat(stub.submitted()).hasSize(3);
    assertThat(stub.submissions()).isZero();
    assertThat(cloud.waits).as("Retry-After: 1 between attempts").hasSize(2);

    stub.failNextSubmits(1, 429);
    assertThat(runway("gen4_turbo").submit(request("x", start, Aspect.LANDSCAPE, 5, 1), dir))
        .isInstanceOf(VideoProgress.Pending.class);
    assertThat(stub.submissions()).isOne();
  }

  @Test
  void runwaySheddingLoadPastTheRetriesIsRetryable(@TempDir Path dir) throws IOException {
    stub.failNextSubmits(3, 503);
    Optional<Path> start = greyStart(dir);
    failsWith(
        () -> runway("gen4_turbo").submit(request("x", start, Aspect.LANDSCAPE, 5, 1), dir),
        ErrorCode.EXTERNAL_API_ERROR,
        true,
        "503");
    assertThat(stub.submissions()).isZero();
  }

  @Test
  void moderationRefusalsAtInputAndOutputAreContentRefused(@TempDir Path dir) throws IOException {
    stub.refuseNextAtInput();
    failsWith(
        () -> runToEnd(dir),
        ErrorCode.CONTENT_REFUSED,
        false,
        "SAFETY.INPUT.TEXT",
        "refused the request");
    stub.refuseNextAtOutput();
    failsWith(
        () -> runToEnd(dir),
        ErrorCode.CONTENT_REFUSED,
        false,
        "SAFETY.OUTPUT.VIDEO",
        "held the clip back");
    assertThat(cloud.costs.calls()).as("nothing billed for refused clips").isEmpty();
  }

  @Test
  void failedTasksMapByTheirFailureCode(@TempDir Path dir) {
    record Case(String code, ErrorCode expected, boolean retryable) {}
    for (Case c :
        List.of(
            new Case("INTERNAL", ErrorCode.EXTERNAL_API_ERROR, true),
            new Case("INPUT_PREPROCESSING.INTERNAL", ErrorCode.EXTERNAL_API_ERROR, true),
            new Case("INTERNAL.BAD_OUTPUT.CODE01", ErrorCode.EXTERNAL_API_ERROR, false),
            new Case("INPUT_PREPROCESSING.SAFETY.TEXT", ErrorCode.CONTENT_REFUSED, false),
            new Case("ASSET.INVALID", ErrorCode.INVALID_INPUT, false))) {
      stub.failNextTask(c.code(), "it went wrong");
      failsWith(() -> runToEnd(dir), c.expected(), c.retryable(), "it went wrong", c.code());
    }
  }

  @Test
  void aTaskStillRunningAtTheDeadlineIsCancelledAndTimesOut(@TempDir Path dir) throws IOException {
    stub.neverFinishNextTask();
    RunwayVideos runway =
        RunwayFactory.videos(
            options("gen4_turbo").setDeadline(Duration.ofMinutes(2)).build(), cloud.context());
    VideoProgress progress =
        runway.submit(request("x", greyStart(dir), Aspect.LANDSCAPE, 5, 1), dir);
    for (int i = 0; i < 5; i++) {
      progress = runway.poll(job(progress), dir);
      cloud.clock.advance(Duration.ofSeconds(20));
    }
    assertThat(job(progress).vendorStatus()).isEqualTo("RUNNING");
    cloud.clock.advance(Duration.ofSeconds(30));
    PendingVideo last = job(progress);
    failsWith(() -> runway.poll(last, dir), ErrorCode.PRODUCTION_TIMEOUT, true, "120 s", "RUNNING");
    assertThat(stub.cancelled()).containsExactly(last.externalId());
  }

  @Test
  void cancelDeletesTheTaskAndAGoneTaskIsNoError(@TempDir Path dir) throws IOException {
    RunwayVideos runway = runway("gen4_turbo");
    VideoProgress progress =
        runway.submit(request("x", greyStart(dir), Aspect.LANDSCAPE, 5, 1), dir);
    runway.cancel(job(progress));
    Request delete = stub.received().getLast();
    assertThat(delete.method()).isEqualTo("DELETE");
    assertThat(delete.path()).isEqualTo("/v1/tasks/" + job(progress).externalId());
    assertThat(delete.header("X-Runway-Version")).isEqualTo("2024-11-06");
    assertThatThrownBy(() -> runway.poll(job(progress), dir))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> {
              assertThat(e.retryable()).isFalse();
              assertThat(e.getMessage()).contains("cancelled");
            });
    PendingVideo unknown = job(progress).withStatus("RUNNING", Duration.ofSeconds(5));
    runway.cancel(
        new PendingVideo(
            "runway",
            "00000000-0000-0000-0000-000000000000",
            "RUNNING",
            unknown.submittedAt(),
            unknown.pollAfter()));
  }

  @Test
  void optionsNameTheSettingToFix() {
    assertThatThrownBy(() -> RunwayOptions.newBuilder().setApiKey("k").setModel("gen5").build())
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e ->
                assertThat(e.getMessage())
                    .startsWith("reelforge.providers.runway.model: must be one of gen4.5")
                    .contains("gen4_turbo"));
    assertThatThrownBy(() -> RunwayOptions.newBuilder().setApiKey("k").setApiVersion(" ").build())
        .hasMessageStartingWith("reelforge.providers.runway.api-version: is empty");
    assertThatThrownBy(
            () -> RunwayOptions.newBuilder().setApiKey("k").setPollEvery(Duration.ZERO).build())
        .hasMessageStartingWith("reelforge.providers.runway.poll-every: must be positive");
    RunwayOptions defaults = RunwayOptions.newBuilder().setApiKey("key_secret").build();
    assertThat(defaults.baseUrl()).isEqualTo("https://api.dev.runwayml.com");
    assertThat(defaults.apiVersion()).isEqualTo("2024-11-06");
    assertThat(defaults.toString()).doesNotContain("key_secret");
  }

  private void runToEnd(Path dir) throws IOException {
    RunwayVideos runway = runway("gen4_turbo");
    finish(
        runway,
        runway.submit(request("x", greyStart(dir), Aspect.LANDSCAPE, 5, 1), dir),
        dir,
        p -> {});
  }

  private static GeneratedVideo finish(
      VideoGenerator engine, VideoProgress progress, Path dir, Consumer<PendingVideo> seen) {
    for (int polls = 0; polls < 20; polls++) {
      if (progress instanceof VideoProgress.Done done) {
        return done.video();
      }
      seen.accept(job(progress));
      progress = engine.poll(job(progress), dir);
    }
    throw new AssertionError("no clip after 20 polls");
  }

  private static PendingVideo job(VideoProgress progress) {
    return ((VideoProgress.Pending) progress).job();
  }

  private static String pendingId(VideoProgress progress) {
    return job(progress).externalId();
  }

  private static void assertRefusedField(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
              assertThat(e.violations())
                  .singleElement()
                  .satisfies(v -> assertThat(v.field()).isEqualTo(field));
            });
  }

  /** A small grey start frame, for cases where the picture itself does not matter. */
  private static Optional<Path> greyStart(Path dir) throws IOException {
    return Optional.of(picture(dir, "s.png", 64, 64, Color.GRAY));
  }

  static VideoRequest request(
      String prompt, Optional<Path> start, Aspect aspect, int seconds, long seed) {
    return new VideoRequest(
        prompt,
        start.map(VideoFrame::of),
        Optional.empty(),
        seconds,
        24,
        Resolution.P720,
        aspect,
        seed);
  }
}
