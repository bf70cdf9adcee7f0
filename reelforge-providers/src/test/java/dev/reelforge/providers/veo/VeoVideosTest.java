package dev.reelforge.providers.veo;

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
import dev.reelforge.testkit.videogen.stub.VeoStub;
import java.awt.Color;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class VeoVideosTest {

  private static final String KEY = "AIza-test-key";

  private final VeoStub stub = new VeoStub(KEY);
  private final VideoVendorContext cloud = new VideoVendorContext();

  @AfterEach
  void stop() {
    stub.close();
  }

  private VeoOptions.Builder options(String model) {
    return VeoOptions.newBuilder()
        .setBaseUrl(stub.baseUrl())
        .setApiKey(KEY)
        .setModel(model)
        .setPollEvery(Duration.ofSeconds(11))
        .setResilience(VideoVendorContext.resilience());
  }

  private VeoVideos veo(String model) {
    return VeoFactory.videos(options(model).build(), cloud.context());
  }

  /**
   * The contract on the default model. Veo makes no square clips, so the contract's restart case
   * (asked square) cannot pass here; {@link #aSquareClipIsRefusedSoThatAnotherEngineCanMakeIt}
   * checks the refusal and {@link
   * #aPendingOperationIsFinishedByARestartedInstanceWithoutASecondSubmit} the restart in 16:9.
   */
  @Nested
  @ExtendWith(NoSquareClips.class)
  class Contract extends VideoGeneratorContract {
    private final VeoVideos veo = veo(VeoOptions.DEFAULT_MODEL);

    @Override
    protected VideoGenerator generator() {
      return veo;
    }

    @Override
    protected VideoGenerator restarted() {
      return veo(VeoOptions.DEFAULT_MODEL);
    }

    @Override
    protected OptionalInt vendorSubmissions() {
      return OptionalInt.of(stub.submissions());
    }
  }

  /** Skips the one contract case that asks Veo for a square clip. */
  static final class NoSquareClips implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      boolean square =
          context
              .getTestMethod()
              .filter(
                  m ->
                      m.getName()
                          .equals("aPendingJobIsFinishedByARestartedInstanceWithoutASecondSubmit"))
              .isPresent();
      return square
          ? ConditionEvaluationResult.disabled(
              "Veo makes 16:9 and 9:16 only and refuses squares; the restart is checked in 16:9")
          : ConditionEvaluationResult.enabled("Veo makes this shape");
    }
  }

  @Test
  void aPromptBecomesAnOperationPolledToAClipDownloadedWithTheKey(@TempDir Path dir)
      throws IOException {
    VeoVideos veo = veo("veo-3.0-generate-001");
    VideoProgress progress =
        veo.submit(request("a lighthouse at dusk", Optional.empty(), Aspect.LANDSCAPE, 5), dir);

    Request submit = stub.submitted().getLast();
    assertThat(submit.path()).isEqualTo("/v1beta/models/veo-3.0-generate-001:predictLongRunning");
    assertThat(submit.header("x-goog-api-key")).isEqualTo(KEY);
    JsonNode body = stub.lastSubmission();
    assertThat(body.path("instances")).hasSize(1);
    assertThat(body.path("instances").path(0).path("prompt").asString())
        .isEqualTo("a lighthouse at dusk");
    assertThat(body.path("instances").path(0).has("image")).isFalse();
    JsonNode parameters = body.path("parameters");
    assertThat(parameters.path("aspectRatio").asString()).isEqualTo("16:9");
    assertThat(parameters.path("durationSeconds").asInt())
        .as("5 s: the longer of 4 and 6")
        .isEqualTo(6);
    assertThat(parameters.path("resolution").asString()).isEqualTo("720p");
    assertThat(parameters.has("seed")).as("the Gemini API takes no seed").isFalse();
    assertThat(parameters.has("personGeneration"))
        .as("left to Google's regional default")
        .isFalse();

    PendingVideo pending = ((VideoProgress.Pending) progress).job();
    assertThat(pending.externalId()).matches("models/veo-3.0-generate-001/operations/[a-z0-9]+");
    assertThat(pending.pollAfter()).hasSeconds(11);
    progress = veo.poll(pending, dir);
    progress = veo.poll(((VideoProgress.Pending) progress).job(), dir);
    GeneratedVideo video =
        ((VideoProgress.Done) veo.poll(((VideoProgress.Pending) progress).job(), dir)).video();

    assertThat(stub.received())
        .filteredOn(r -> r.method().equals("GET"))
        .extracting(Request::path)
        .containsExactly(
            "/v1beta/" + pending.externalId(),
            "/v1beta/" + pending.externalId(),
            "/v1beta/" + pending.externalId(),
            "/v1beta/files/"
                + pending.externalId().substring(pending.externalId().lastIndexOf('/') + 1)
                + ":download");
    assertThat(stub.received())
        .allSatisfy(r -> assertThat(r.header("x-goog-api-key")).isEqualTo(KEY));
    Mp4Facts facts = Mp4Facts.read(video.file());
    assertThat(video.width()).isEqualTo(facts.width()).isGreaterThan(video.height());
    assertThat(video.durationSeconds()).isCloseTo(6.0, Offset.offset(0.1));
    assertThat(video.model()).isEqualTo("veo/veo-3.0-generate-001");
    assertThat(video.licence().url()).isEqualTo("https://ai.google.dev/gemini-api/terms");
    assertThat(cloud.costs.calls())
        .singleElement()
        .satisfies(
            call -> {
              assertThat(call.provider()).isEqualTo("veo");
              assertThat(call.quantity()).isEqualTo(6);
              assertThat(call.estimatedUsd()).isEqualByComparingTo(new BigDecimal("0.60"));
            });
    assertThat(cloud.waits).as("nothing sleeps in the adapter").isEmpty();
  }

  @Test
  void veo31TakesTheStartFrameInlineAndTheEndFrameAsLastFrame(@TempDir Path dir)
      throws IOException {
    Path start = picture(dir, "a.png", 64, 64, Color.ORANGE);
    VideoRequest request =
        new VideoRequest(
            "",
            Optional.of(VideoFrame.of(start)),
            Optional.of(VideoFrame.of(picture(dir, "b.png", 64, 64, Color.BLUE))),
            10,
            30,
            Resolution.P1080,
            Aspect.PORTRAIT,
            5);
    veo("veo-3.1-generate-preview").submit(request, dir);
    JsonNode instance = stub.lastSubmission().path("instances").path(0);
    assertThat(instance.has("prompt")).as("a blank prompt is left out").isFalse();
    assertThat(instance.path("image").path("mimeType").asString()).isEqualTo("image/png");
    assertThat(
            Base64.getDecoder()
                .decode(instance.path("image").path("bytesBase64Encoded").asString()))
        .isEqualTo(Files.readAllBytes(start));
    assertThat(instance.path("lastFrame").path("mimeType").asString()).isEqualTo("image/png");
    JsonNode parameters = stub.lastSubmission().path("parameters");
    assertThat(parameters.path("durationSeconds").asInt()).isEqualTo(8);
    assertThat(parameters.path("resolution").asString()).isEqualTo("1080p");
    assertThat(parameters.path("aspectRatio").asString()).isEqualTo("9:16");

    veo("veo-3.0-generate-001").submit(request, dir);
    assertThat(stub.lastSubmission().path("instances").path(0).has("lastFrame"))
        .as("Veo 3 takes no last frame")
        .isFalse();
    assertThat(stub.lastSubmission().path("parameters").path("resolution").asString())
        .as("Veo 3 makes 1080p in 16:9 only")
        .isEqualTo("720p");
  }

  @Test
  void veo2MakesFiveToEightSecondsAndTakesNoResolution(@TempDir Path dir) {
    veo("veo-2.0-generate-001").submit(request("rain", Optional.empty(), Aspect.LANDSCAPE, 2), dir);
    JsonNode parameters = stub.lastSubmission().path("parameters");
    assertThat(parameters.path("durationSeconds").asInt()).isEqualTo(5);
    assertThat(parameters.has("resolution")).isFalse();
    veo("veo-2.0-generate-001").submit(request("rain", Optional.empty(), Aspect.LANDSCAPE, 7), dir);
    assertThat(stub.lastSubmission().path("parameters").path("durationSeconds").asInt())
        .isEqualTo(7);
    assertThat(stub.submissions()).isEqualTo(2);
  }

  @Test
  void aSquareClipIsRefusedSoThatAnotherEngineCanMakeIt(@TempDir Path dir) {
    assertThatThrownBy(
            () ->
                veo(VeoOptions.DEFAULT_MODEL)
                    .submit(request("x", Optional.empty(), Aspect.SQUARE, 5), dir))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
              assertThat(e.violations().getFirst().field()).isEqualTo("aspect_ratio");
              assertThat(e.getMessage()).contains("16:9 and 9:16");
            });
    assertThat(stub.submitted()).isEmpty();
  }

  @Test
  void aPendingOperationIsFinishedByARestartedInstanceWithoutASecondSubmit(@TempDir Path dir)
      throws IOException {
    VideoProgress first =
        veo(VeoOptions.DEFAULT_MODEL)
            .submit(
                request(
                    "boat",
                    Optional.of(picture(dir, "s.png", 64, 64, Color.GRAY)),
                    Aspect.LANDSCAPE,
                    8),
                dir);
    VideoGenerator restarted = veo(VeoOptions.DEFAULT_MODEL);
    VideoProgress progress = first;
    for (int i = 0; i < 5 && progress instanceof VideoProgress.Pending p; i++) {
      progress = restarted.poll(p.job(), dir);
    }
    assertThat(progress).isInstanceOf(VideoProgress.Done.class);
    assertThat(stub.submissions()).isOne();
  }

  @Test
  void anInlineClipIsStoredAndMeasured(@TempDir Path dir) {
    stub.answerInline();
    GeneratedVideo video = runToEnd(dir, Aspect.PORTRAIT);
    assertThat(video.height()).isGreaterThan(video.width());
    assertThat(video.durationSeconds()).isCloseTo(4.0, Offset.offset(0.1));
    assertThat(stub.received()).noneMatch(r -> r.path().contains(":download"));
  }

  @Test
  void clipsTheSafetyFiltersHoldBackAreContentRefusedWithTheirReasons(@TempDir Path dir) {
    stub.refuseNextAtInput();
    failsWith(
        () -> runToEnd(dir, Aspect.LANDSCAPE),
        ErrorCode.CONTENT_REFUSED,
        false,
        "Your prompt couldn't be submitted");
    stub.refuseNextAtOutput();
    failsWith(
        () -> runToEnd(dir, Aspect.LANDSCAPE),
        ErrorCode.CONTENT_REFUSED,
        false,
        "The generated video was filtered");
    assertThat(cloud.costs.calls()).isEmpty();
  }

  @Test
  void operationsEndingInErrorMapByTheirCode(@TempDir Path dir) {
    record Case(int code, String status, ErrorCode expected, boolean retryable) {}
    for (Case c :
        List.of(
            new Case(13, "INTERNAL", ErrorCode.EXTERNAL_API_ERROR, true),
            new Case(14, "UNAVAILABLE", ErrorCode.EXTERNAL_API_ERROR, true),
            new Case(3, "INVALID_ARGUMENT", ErrorCode.EXTERNAL_API_ERROR, false),
            new Case(8, "RESOURCE_EXHAUSTED", ErrorCode.EXTERNAL_RATE_LIMIT, true),
            new Case(4, "DEADLINE_EXCEEDED", ErrorCode.PRODUCTION_TIMEOUT, true))) {
      stub.failNextOperation(c.code(), c.status(), "the operation failed");
      failsWith(
          () -> runToEnd(dir, Aspect.LANDSCAPE),
          c.expected(),
          c.retryable(),
          "the operation failed",
          c.status());
    }
  }

  @Test
  void quotaExhaustedPastTheRetriesIsAnExternalRateLimit(@TempDir Path dir) {
    stub.failNextSubmits(3, 429);
    failsWith(
        () ->
            veo(VeoOptions.DEFAULT_MODEL)
                .submit(request("x", Optional.empty(), Aspect.LANDSCAPE, 8), dir),
        ErrorCode.EXTERNAL_RATE_LIMIT,
        true,
        "Resource has been exhausted");
    assertThat(stub.submitted()).hasSize(3);
    assertThat(stub.submissions()).isZero();
    stub.failNextSubmits(3, 503);
    failsWith(
        () ->
            veo(VeoOptions.DEFAULT_MODEL)
                .submit(request("x", Optional.empty(), Aspect.LANDSCAPE, 8), dir),
        ErrorCode.EXTERNAL_API_ERROR,
        true,
        "overloaded");
  }

  @Test
  void aWrongKeyOrAnUnknownModelIsRefusedAndNotRetried(@TempDir Path dir) {
    VeoVideos wrong =
        VeoFactory.videos(
            options(VeoOptions.DEFAULT_MODEL).setApiKey("AIza-wrong").build(), cloud.context());
    assertThatThrownBy(() -> wrong.submit(request("x", Optional.empty(), Aspect.LANDSCAPE, 8), dir))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> {
              assertThat(e.retryable()).isFalse();
              assertThat(e.getMessage()).contains("API key not valid").doesNotContain("AIza-wrong");
            });
    VeoVideos unknown = veo("veo-3.0-imaginary-001");
    assertThatThrownBy(
            () -> unknown.submit(request("x", Optional.empty(), Aspect.LANDSCAPE, 8), dir))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> assertThat(e.getMessage()).contains("HTTP 404").contains("is not found"));
    assertThat(stub.submitted()).hasSize(2);
  }

  @Test
  void anOperationNotDoneByTheDeadlineTimesOutWithoutACancel(@TempDir Path dir) {
    stub.neverFinishNextOperation();
    VeoVideos veo =
        VeoFactory.videos(
            options(VeoOptions.DEFAULT_MODEL).setDeadline(Duration.ofMinutes(1)).build(),
            cloud.context());
    VideoProgress progress = veo.submit(request("x", Optional.empty(), Aspect.LANDSCAPE, 8), dir);
    progress = veo.poll(((VideoProgress.Pending) progress).job(), dir);
    PendingVideo job = ((VideoProgress.Pending) progress).job();
    assertThat(job.vendorStatus()).isEqualTo("done: false");
    cloud.clock.advance(Duration.ofSeconds(61));
    failsWith(() -> veo.poll(job, dir), ErrorCode.PRODUCTION_TIMEOUT, true);
    int calls = stub.received().size();
    veo.cancel(job);
    assertThat(stub.received()).as("the Gemini API cannot cancel a video operation").hasSize(calls);
    assertThat(stub.received())
        .noneMatch(r -> r.method().equals("DELETE") || r.path().endsWith(":cancel"));
  }

  @Test
  void optionsNameTheSettingToFix() {
    assertThatThrownBy(() -> VeoOptions.newBuilder().setApiKey("k").setModel("imagen-4").build())
        .hasMessageStartingWith("reelforge.providers.veo.model: must name a Veo model");
    assertThatThrownBy(
            () -> VeoOptions.newBuilder().setApiKey("k").setDeadline(Duration.ZERO).build())
        .hasMessageStartingWith("reelforge.providers.veo.deadline: must be positive");
    assertThatThrownBy(() -> VeoOptions.newBuilder().build())
        .hasMessageContaining(
            "reelforge.providers.veo.api-key: is missing; set it or the variable GEMINI_API_KEY");
    VeoOptions defaults = VeoOptions.newBuilder().setApiKey("AIza-secret").build();
    assertThat(defaults.baseUrl()).isEqualTo("https://generativelanguage.googleapis.com/v1beta");
    assertThat(defaults.toString()).doesNotContain("AIza-secret");
  }

  private GeneratedVideo runToEnd(Path dir, Aspect aspect) {
    VeoVideos veo = veo(VeoOptions.DEFAULT_MODEL);
    VideoProgress progress = veo.submit(request("x", Optional.empty(), aspect, 4), dir);
    for (int polls = 0; polls < 10; polls++) {
      if (progress instanceof VideoProgress.Done done) {
        return done.video();
      }
      progress = veo.poll(((VideoProgress.Pending) progress).job(), dir);
    }
    throw new AssertionError("no clip after 10 polls");
  }

  private static VideoRequest request(
      String prompt, Optional<Path> start, Aspect aspect, int seconds) {
    return new VideoRequest(
        prompt,
        start.map(VideoFrame::of),
        Optional.empty(),
        seconds,
        24,
        Resolution.P720,
        aspect,
        1);
  }
}
