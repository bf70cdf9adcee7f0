package dev.reelforge.providers.kling;

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
import dev.reelforge.providers.videogen.FrameImages;
import dev.reelforge.providers.videogen.Refusals;
import dev.reelforge.providers.videogen.VideoFiles;
import dev.reelforge.providers.videogen.VideoLengths;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Kling's video API: {@code POST /v1/videos/text2video} or {@code /v1/videos/image2video} submits a
 * task, {@code GET} on the same path with the task's id polls it ({@code task_status} submitted →
 * processing → succeed | failed), and the finished clip is downloaded from {@code
 * task_result.videos[0].url}. Every call carries a JWT signed from the key pair ({@link
 * KlingToken}); error codes are read by {@link KlingErrors}.
 *
 * <p>Kling makes 5 or 10 s clips (the nearest is asked for) and has no seed. Text-to-video takes an
 * {@code aspect_ratio}; image-to-video takes the picture's shape, so frames are cropped to the
 * asked shape and sent as base64 (no public address needed). Kling's API has no way to stop a task:
 * {@link #cancel} does nothing, and an abandoned task runs to its end (failed tasks are not
 * billed).
 */
public final class KlingVideos implements VideoGenerator {

  public static final String NAME = KlingFactory.NAME;

  /** The clip lengths Kling makes, in seconds. */
  static final int[] LENGTHS = {5, 10};

  /** Kling refuses pictures with a side under 300 px; 2048 px keeps a JPEG well under 10 MB. */
  private static final int MIN_SIDE = 300;

  private static final int MAX_SIDE = 2048;

  /** Text-to-video and image-to-video tasks live under different paths, also for polling. */
  enum Kind {
    TEXT("text2video"),
    IMAGE("image2video");

    final String key;

    Kind(String key) {
      this.key = key;
    }

    String path() {
      return "/v1/videos/" + key;
    }

    static Kind of(String key) {
      for (Kind kind : values()) {
        if (kind.key.equals(key)) {
          return kind;
        }
      }
      throw new ReelForgeException(
          ErrorCode.INTERNAL_ERROR, "not a Kling task kind: '" + key + "'");
    }
  }

  private final JsonApiClient api;
  private final KlingOptions options;
  private final Clock clock;

  KlingVideos(JsonApiClient api, KlingOptions options, Clock clock) {
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
    Kind kind = request.startImage().isPresent() ? Kind.IMAGE : Kind.TEXT;
    ObjectNode body = Json.object();
    body.put("model_name", options.model());
    if (!request.prompt().isBlank()) {
      body.put("prompt", request.prompt());
    }
    body.put("mode", options.mode());
    body.put("duration", String.valueOf(VideoLengths.nearest(request.durationSeconds(), LENGTHS)));
    if (kind == Kind.TEXT) {
      body.put("aspect_ratio", request.aspect().label());
    } else {
      body.put("image", frame(request.startImage().orElseThrow(), "start_image_url", request));
      request
          .endImage()
          .ifPresent(end -> body.put("image_tail", frame(end, "end_image_url", request)));
    }
    JsonNode data = answered(api.post(kind.path(), body)).path("data");
    String taskId = data.path("task_id").asString("");
    if (taskId.isBlank()) {
      throw new ReelForgeException(
          ErrorCode.EXTERNAL_API_ERROR, "Kling accepted the request but named no task_id");
    }
    return new VideoProgress.Pending(
        new PendingVideo(
            NAME,
            kind.key + ":" + taskId,
            data.path("task_status").asString("submitted"),
            clock.instant(),
            options.pollEvery()));
  }

  @Override
  public VideoProgress poll(PendingVideo pending, Path directory) {
    String reference = pending.externalId();
    int colon = reference.indexOf(':');
    if (colon < 0) {
      throw new ReelForgeException(
          ErrorCode.INTERNAL_ERROR, "not a Kling task reference: '" + reference + "'");
    }
    Kind kind = Kind.of(reference.substring(0, colon));
    String taskId = reference.substring(colon + 1);
    JsonNode data =
        answered(api.get(kind.path() + "/" + URLEncoder.encode(taskId, StandardCharsets.UTF_8)))
            .path("data");
    String status = data.path("task_status").asString("");
    return switch (status) {
      case "submitted", "processing" ->
          new VideoProgress.Pending(pending.withStatus(status, options.pollEvery()));
      case "succeed" -> new VideoProgress.Done(download(data, taskId, directory));
      case "failed" ->
          throw failed(
              data.path("task_status_msg").isString()
                  ? data.path("task_status_msg").asString()
                  : "");
      default ->
          throw new ReelForgeException(
              ErrorCode.EXTERNAL_API_ERROR,
              "Kling reported an unknown task_status '" + status + "' for task " + taskId);
    };
  }

  /** Kling's API has no cancel endpoint; the task runs on and ends by itself. */
  @Override
  public void cancel(PendingVideo pending) {}

  private GeneratedVideo download(JsonNode data, String taskId, Path directory) {
    String url = data.path("task_result").path("videos").path(0).path("url").asString("");
    if (url.isBlank()) {
      throw new ReelForgeException(
          ErrorCode.EXTERNAL_API_ERROR, "Kling finished task " + taskId + " without a video URL");
    }
    return VideoFiles.finish(
        api,
        URI.create(url),
        directory,
        NAME + "-" + taskId,
        options.model(),
        new MediaLicence(
            NAME,
            "generated with " + options.model(),
            "Kling AI API terms of service",
            "https://klingai.com"));
  }

  private static ReelForgeException failed(String reason) {
    if (Refusals.isSafetyRefusal(reason)) {
      return Refusals.refused("Kling", reason);
    }
    // Kling does not bill failed tasks, and most failures are its own: trying again is reasonable.
    return new ReelForgeException(
        ErrorCode.EXTERNAL_API_ERROR,
        "Kling could not make the clip" + (reason.isBlank() ? "" : ": " + reason),
        true,
        List.of(),
        null);
  }

  /** The answer's JSON, once its {@code code} says success (Kling may answer 200 with an error). */
  private JsonNode answered(ProviderResponse response) {
    JsonNode root = api.json(response);
    int code = root.path("code").asInt(0);
    if (code != 0) {
      ReelForgeException known = KlingErrors.forCode(code, root.path("message").asString(""));
      throw known != null
          ? known
          : new ReelForgeException(
              ErrorCode.EXTERNAL_API_ERROR,
              "Kling answered code " + code + ": " + root.path("message").asString(""));
    }
    return root;
  }

  private static String frame(VideoFrame frame, String field, VideoRequest request) {
    byte[] jpeg = FrameImages.jpeg(frame.file(), field, request.aspect(), MIN_SIDE, MAX_SIDE);
    // Kling wants the bare base64 text, without a data: prefix.
    return Base64.getEncoder().encodeToString(jpeg);
  }
}
