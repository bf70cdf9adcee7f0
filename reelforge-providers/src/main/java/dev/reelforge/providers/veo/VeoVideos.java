package dev.reelforge.providers.veo;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.licence.MediaLicence;
import dev.reelforge.core.videogen.GeneratedVideo;
import dev.reelforge.core.videogen.PendingVideo;
import dev.reelforge.core.videogen.VideoGenerator;
import dev.reelforge.core.videogen.VideoProgress;
import dev.reelforge.core.videogen.VideoRequest;
import dev.reelforge.core.videogen.VideoRequest.VideoFrame;
import dev.reelforge.providers.http.Json;
import dev.reelforge.providers.http.JsonApiClient;
import dev.reelforge.providers.http.ProviderResponse;
import dev.reelforge.providers.videogen.Deadlines;
import dev.reelforge.providers.videogen.FrameImages;
import dev.reelforge.providers.videogen.Refusals;
import dev.reelforge.providers.videogen.VideoFiles;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Google's Veo through the Gemini API (the key as {@code x-goog-api-key}): {@code POST
 * /models/{model}:predictLongRunning} with one instance (prompt, start frame as {@code
 * bytesBase64Encoded}, on Veo 3.1 a {@code lastFrame}) and parameters ({@code aspectRatio}, {@code
 * durationSeconds}, {@code resolution} on Veo 3) answers an operation, polled with {@code GET
 * /{operation name}} until {@code done}; then {@code response.generateVideoResponse} holds the
 * clip's URI (downloaded with the key) or, when Google's safety filters held it back, {@code
 * raiMediaFilteredCount} and their reasons, reported as {@code CONTENT_REFUSED}.
 *
 * <p>Veo makes 16:9 and 9:16 clips of its own lengths (the nearest is asked for) at 24 fps; a
 * square request is refused so that the engine's fallback can pick one that makes squares. The
 * Gemini API takes no seed. {@code personGeneration} is left to Google's default, which differs by
 * region and by whether a start frame is given.
 */
public final class VeoVideos implements VideoGenerator {

  public static final String NAME = VeoFactory.NAME;

  /** Inline frames count towards Gemini's 20 MB request; two frames must fit beside the rest. */
  static final long MAX_FRAME_BASE64_CHARS = 8L * 1024 * 1024;

  private static final Pattern OPERATION =
      Pattern.compile("models/[a-z0-9.-]+/operations/[A-Za-z0-9_-]+");

  private final JsonApiClient api;
  private final VeoOptions options;
  private final Clock clock;

  VeoVideos(JsonApiClient api, VeoOptions options, Clock clock) {
    this.api = api;
    this.options = options;
    this.clock = clock;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public VideoProgress submit(VideoRequest request, Path directory) {
    VeoModel model = options.generation();
    String aspectRatio =
        VeoModel.aspectRatio(request.aspect())
            .orElseThrow(
                () ->
                    ReelForgeException.invalidField(
                        "aspect_ratio", "Veo makes 16:9 and 9:16 clips only"));
    ObjectNode body = Json.object();
    ObjectNode instance = body.putArray("instances").addObject();
    if (!request.prompt().isBlank()) {
      instance.put("prompt", request.prompt().strip());
    }
    request.startImage().ifPresent(frame -> instance.set("image", image(frame, "start_image_url")));
    if (model.lastFrame()) {
      request
          .endImage()
          .ifPresent(frame -> instance.set("lastFrame", image(frame, "end_image_url")));
    }
    ObjectNode parameters = body.putObject("parameters");
    int seconds = model.duration(request.durationSeconds());
    parameters.put("aspectRatio", aspectRatio);
    parameters.put("durationSeconds", seconds);
    model
        .resolution(request.resolution(), seconds, request.aspect())
        .ifPresent(resolution -> parameters.put("resolution", resolution));
    String path = "/models/" + options.model() + ":predictLongRunning";
    JsonNode operation = api.json(api.post(path, body));
    String name = operation.path("name").asString("");
    if (!OPERATION.matcher(name).matches()) {
      throw new ReelForgeException(
          ErrorCode.EXTERNAL_API_ERROR, "Veo returned no operation name ('" + name + "')");
    }
    return new VideoProgress.Pending(
        new PendingVideo(NAME, name, status(operation), clock.instant(), options.pollEvery()));
  }

  @Override
  public VideoProgress poll(PendingVideo pending, Path directory) {
    String name = operationName(pending);
    ProviderResponse answer = api.get("/" + name);
    JsonNode operation = api.json(answer);
    if (!operation.path("done").asBoolean(false)) {
      PendingVideo later = pending.withStatus(status(operation), options.pollEvery());
      if (Deadlines.passed(later, options.deadline(), clock)) {
        // The Gemini API offers no cancel for video operations; Google ends them itself.
        throw Deadlines.timedOut("Veo", options.deadline(), later);
      }
      return new VideoProgress.Pending(later);
    }
    if (operation.has("error")) {
      throw failure(operation.path("error"));
    }
    JsonNode result = operation.path("response").path("generateVideoResponse");
    JsonNode video = result.path("generatedSamples").path(0).path("video");
    if (video.isMissingNode()) {
      throw unfinished(result);
    }
    return new VideoProgress.Done(finished(name, video, answer, directory));
  }

  /**
   * Nothing to do: the Gemini API lets a client get and list video operations but not cancel them
   * (its operations service cancels batches only); an abandoned operation ends on its own.
   */
  @Override
  public void cancel(PendingVideo pending) {
    operationName(pending);
  }

  private GeneratedVideo finished(
      String name, JsonNode video, ProviderResponse answer, Path directory) {
    String stem = NAME + "-" + name.substring(name.lastIndexOf('/') + 1);
    String uri = video.path("uri").asString("");
    VideoFiles.StoredClip clip;
    if (!uri.isEmpty()) {
      URI location = URI.create(uri);
      // The key goes only to Google's own API host, never to a host an answer names.
      clip =
          sameOrigin(location, api.endpoint().uri("/"))
              ? VideoFiles.downloadWithKey(api, location, directory, stem)
              : VideoFiles.download(api, location, directory, stem);
    } else if (video.path("encodedVideo").isString()) {
      byte[] mp4 = Base64.getDecoder().decode(video.path("encodedVideo").asString());
      clip = VideoFiles.store(NAME, mp4, directory, stem);
    } else {
      throw new ReelForgeException(
          ErrorCode.EXTERNAL_API_ERROR, "Veo finished " + name + " with neither a URI nor bytes");
    }
    return VideoFiles.generated(
        api,
        clip,
        options.model(),
        new MediaLicence(
            NAME,
            "generated with Google " + options.model(),
            "Gemini API Additional Terms of Service",
            "https://ai.google.dev/gemini-api/terms"),
        answer);
  }

  /** Done without a clip: Google's safety filters held it back, or nothing came at all. */
  static ReelForgeException unfinished(JsonNode result) {
    List<String> reasons = new ArrayList<>();
    result.path("raiMediaFilteredReasons").forEach(r -> reasons.add(r.asString("")));
    reasons.removeIf(String::isBlank);
    if (result.path("raiMediaFilteredCount").asInt(0) > 0 || !reasons.isEmpty()) {
      return Refusals.heldBack("Veo", String.join("; ", reasons));
    }
    return new ReelForgeException(
        ErrorCode.EXTERNAL_API_ERROR,
        "Veo finished without a clip or a reason",
        true,
        List.of(),
        null);
  }

  /**
   * An operation that ended in error, by its {@code google.rpc.Code}: a request Google found wrong
   * (3, 5, 7, 9) is not retried, exhausted quota (8) is the vendor being busy, its own deadline (4)
   * a production timeout, and the rest (13 internal, 14 unavailable…) an outage worth another try.
   */
  static ReelForgeException failure(JsonNode error) {
    int code = error.path("code").asInt(2);
    String status = error.path("status").asString("");
    String message =
        "Veo failed: "
            + error.path("message").asString("no message")
            + " (code "
            + code
            + (status.isEmpty() ? "" : " " + status)
            + ")";
    return switch (code) {
      case 3, 5, 7, 9, 11 ->
          new ReelForgeException(ErrorCode.EXTERNAL_API_ERROR, message, false, List.of(), null);
      case 8 ->
          new ReelForgeException(ErrorCode.EXTERNAL_RATE_LIMIT, message, true, List.of(), null);
      case 4 ->
          new ReelForgeException(ErrorCode.PRODUCTION_TIMEOUT, message, true, List.of(), null);
      default ->
          new ReelForgeException(ErrorCode.EXTERNAL_API_ERROR, message, true, List.of(), null);
    };
  }

  private static ObjectNode image(VideoFrame frame, String field) {
    FrameImages.Encoded encoded = FrameImages.encode(frame.file(), field, MAX_FRAME_BASE64_CHARS);
    ObjectNode image = Json.object();
    image.put("bytesBase64Encoded", encoded.base64());
    image.put("mimeType", encoded.mimeType());
    return image;
  }

  /** An operation only says whether it is done; the status we keep is that answer. */
  private static String status(JsonNode operation) {
    return "done: " + operation.path("done").asBoolean(false);
  }

  private static String operationName(PendingVideo pending) {
    if (!OPERATION.matcher(pending.externalId()).matches()) {
      throw new ReelForgeException(
          ErrorCode.INTERNAL_ERROR, "not a Veo operation: '" + pending.externalId() + "'");
    }
    return pending.externalId();
  }

  private static boolean sameOrigin(URI a, URI b) {
    return Objects.equals(a.getScheme(), b.getScheme())
        && Objects.equals(a.getHost(), b.getHost())
        && a.getPort() == b.getPort();
  }
}
