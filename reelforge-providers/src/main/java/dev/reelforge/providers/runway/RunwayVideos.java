package dev.reelforge.providers.runway;

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
import dev.reelforge.providers.http.ProviderRejection;
import dev.reelforge.providers.videogen.Deadlines;
import dev.reelforge.providers.videogen.FrameImages;
import dev.reelforge.providers.videogen.Refusals;
import dev.reelforge.providers.videogen.VideoFiles;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runway's task API (version {@code 2024-11-06}, named by {@code X-Runway-Version} on every
 * request, the key as {@code Authorization: Bearer …}). A start frame goes to {@code POST
 * /v1/image_to_video} as a data URI (or its public HTTPS address), a prompt alone to {@code POST
 * /v1/text_to_video} where the model has that path; either answers a task id, polled with {@code
 * GET /v1/tasks/{id}} ({@code PENDING}, {@code THROTTLED}, {@code RUNNING}, then {@code SUCCEEDED}
 * with output URLs, or {@code FAILED} with a {@code failureCode}) and cancelled with {@code DELETE
 * /v1/tasks/{id}}.
 *
 * <p>The request's shape picks the model's {@code ratio} (720p class; the resolution setting of a
 * request is not Runway's to choose), its length the nearest duration the model makes. An end frame
 * becomes the {@code last} keyframe on models that take one and is left out on the others, which
 * animate from the start frame alone.
 */
public final class RunwayVideos implements VideoGenerator {

  public static final String NAME = RunwayFactory.NAME;

  /** Runway's limit on {@code promptText}, in UTF-16 code units (Java's string length). */
  static final int MAX_PROMPT_CHARS = 1000;

  /** A data URI must stay under 5 MiB, its prefix included. */
  static final long MAX_DATA_URI_CHARS = 5L * 1024 * 1024 - 64;

  private static final Pattern TASK_ID = Pattern.compile("[A-Za-z0-9-]{1,128}");
  private static final Set<String> WAITING = Set.of("PENDING", "THROTTLED", "RUNNING");

  private final JsonApiClient api;
  private final RunwayOptions options;
  private final Clock clock;

  RunwayVideos(JsonApiClient api, RunwayOptions options, Clock clock) {
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
    RunwayModel model = options.videoModel();
    boolean fromImage = request.startImage().isPresent();
    ObjectNode body = Json.object();
    body.put("model", model.id());
    if (fromImage) {
      body.set("promptImage", promptImage(model, request));
    } else if (!model.textToVideo()) {
      throw ReelForgeException.invalidField(
          "start_image_url",
          "Runway "
              + model.id()
              + " animates a start image; give one, or set "
              + RunwayOptions.SETTINGS
              + ".model to gen4.5 for clips from a prompt alone");
    }
    String prompt = request.prompt().strip();
    if (prompt.length() > MAX_PROMPT_CHARS) {
      throw ReelForgeException.invalidField(
          "video_prompt", "Runway takes at most " + MAX_PROMPT_CHARS + " characters");
    }
    if (!prompt.isEmpty()) {
      body.put("promptText", prompt);
    } else if (model.promptRequired()) {
      throw ReelForgeException.invalidField(
          "video_prompt", "Runway " + model.id() + " needs a prompt with the start image");
    }
    body.put(
        "ratio",
        model
            .ratio(request.aspect(), fromImage)
            .orElseThrow(
                () ->
                    ReelForgeException.invalidField(
                        "aspect_ratio",
                        "Runway " + model.id() + " makes " + model.shapes(fromImage) + " only")));
    body.put("duration", model.duration(request.durationSeconds()));
    // Runway takes seeds from 0 to 4294967295; ours are any long, folded into that range.
    body.put("seed", Math.floorMod(request.seed(), 1L << 32));
    String path = fromImage ? "/v1/image_to_video" : "/v1/text_to_video";
    JsonNode created = api.json(api.send(post(path, body)));
    String id = created.path("id").asString("");
    if (!TASK_ID.matcher(id).matches()) {
      throw new ReelForgeException(ErrorCode.EXTERNAL_API_ERROR, "Runway returned no task id");
    }
    // A task Runway has just accepted is PENDING until its first poll says otherwise.
    return new VideoProgress.Pending(
        new PendingVideo(NAME, id, "PENDING", clock.instant(), options.pollEvery()));
  }

  @Override
  public VideoProgress poll(PendingVideo pending, Path directory) {
    String id = taskId(pending);
    JsonNode task = api.json(api.send(request("/v1/tasks/" + id)));
    String status = task.path("status").asString("");
    if (WAITING.contains(status)) {
      PendingVideo later = pending.withStatus(status, options.pollEvery());
      if (Deadlines.passed(later, options.deadline(), clock)) {
        cancelQuietly(id);
        throw Deadlines.timedOut("Runway", options.deadline(), later);
      }
      return new VideoProgress.Pending(later);
    }
    return switch (status) {
      case "SUCCEEDED" -> new VideoProgress.Done(finished(id, task, directory));
      case "FAILED" -> throw failure(task);
      case "CANCELLED" ->
          throw new ReelForgeException(
              ErrorCode.EXTERNAL_API_ERROR,
              "Runway task " + id + " was cancelled",
              false,
              List.of(),
              null);
      default ->
          throw new ReelForgeException(
              ErrorCode.EXTERNAL_API_ERROR,
              "Runway reported an unknown task status '" + status + "'");
    };
  }

  /**
   * Cancels a task still waiting or running; Runway deletes one that has finished. A task Runway no
   * longer knows (404) needs nothing more.
   */
  @Override
  public void cancel(PendingVideo pending) {
    String id = taskId(pending);
    try {
      api.send(request("/v1/tasks/" + id).DELETE());
    } catch (ProviderRejection e) {
      if (e.status() != 404) {
        throw e;
      }
    }
  }

  private GeneratedVideo finished(String id, JsonNode task, Path directory) {
    String url = task.path("output").path(0).asString("");
    if (!url.startsWith("https://") && !url.startsWith("http://")) {
      throw new ReelForgeException(
          ErrorCode.EXTERNAL_API_ERROR, "Runway task " + id + " succeeded without an output URL");
    }
    String model = options.videoModel().id();
    return VideoFiles.finish(
        api,
        URI.create(url),
        directory,
        NAME + "-" + id,
        model,
        new MediaLicence(
            NAME,
            "generated with Runway " + model,
            "Runway Terms of Use (output owned by the customer)",
            "https://runwayml.com/terms-of-use"));
  }

  /**
   * A failed task as the port's error: {@code SAFETY.*} and {@code INPUT_PREPROCESSING.SAFETY.*}
   * are refusals of Runway's moderation (never retried, Runway asks), {@code ASSET.INVALID} an
   * input it could not use, {@code INTERNAL.BAD_OUTPUT.*} a generation its quality checks rejected
   * (retrying is "not likely to succeed"), anything else an outage worth another try.
   */
  static ReelForgeException failure(JsonNode task) {
    String code = task.path("failureCode").asString("");
    String reason = task.path("failure").asString("no reason given");
    String said = reason + (code.isEmpty() ? "" : " (" + code + ")");
    if (code.startsWith("SAFETY.INPUT.") || code.startsWith("INPUT_PREPROCESSING.SAFETY.")) {
      return Refusals.refused("Runway", said);
    }
    if (code.startsWith("SAFETY.")) {
      return Refusals.heldBack("Runway", said);
    }
    if (code.startsWith("ASSET.")) {
      return ReelForgeException.invalidField(
          "start_image_url", "Runway could not use the picture: " + said);
    }
    boolean retryable = !code.startsWith("INTERNAL.BAD_OUTPUT.");
    return new ReelForgeException(
        ErrorCode.EXTERNAL_API_ERROR, "Runway failed: " + said, retryable, List.of(), null);
  }

  private JsonNode promptImage(RunwayModel model, VideoRequest request) {
    String first = frameUri(request.startImage().orElseThrow(), "start_image_url");
    if (request.endImage().isEmpty() || !model.lastFrame()) {
      return Json.MAPPER.getNodeFactory().stringNode(first);
    }
    ArrayNode frames = Json.MAPPER.createArrayNode();
    frames.addObject().put("uri", first).put("position", "first");
    frames
        .addObject()
        .put("uri", frameUri(request.endImage().get(), "end_image_url"))
        .put("position", "last");
    return frames;
  }

  /** The frame's public HTTPS address when it has one (Runway fetches it), else a data URI. */
  private static String frameUri(VideoFrame frame, String field) {
    return frame
        .publicUrl()
        .filter(url -> url.startsWith("https://"))
        .orElseGet(() -> FrameImages.encode(frame.file(), field, MAX_DATA_URI_CHARS).dataUri());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(api.endpoint().uri(path))
        .header("X-Runway-Version", options.apiVersion());
  }

  private HttpRequest.Builder post(String path, JsonNode body) {
    return request(path)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)));
  }

  private static String taskId(PendingVideo pending) {
    if (!TASK_ID.matcher(pending.externalId()).matches()) {
      throw new ReelForgeException(
          ErrorCode.INTERNAL_ERROR, "not a Runway task id: '" + pending.externalId() + "'");
    }
    return pending.externalId();
  }

  /** On the way to a deadline error: that error is what the caller needs, not the cancel's. */
  private void cancelQuietly(String id) {
    try {
      api.send(request("/v1/tasks/" + id).DELETE());
    } catch (ReelForgeException ignored) {
      // Runway's tasks end on their own; at worst this one is billed.
    }
  }
}
