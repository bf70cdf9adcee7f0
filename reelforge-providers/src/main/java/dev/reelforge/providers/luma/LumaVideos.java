package dev.reelforge.providers.luma;

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
import dev.reelforge.providers.videogen.Refusals;
import dev.reelforge.providers.videogen.VideoFiles;
import dev.reelforge.providers.videogen.VideoLengths;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Luma's Dream Machine API: {@code POST /dream-machine/v1/generations} submits ({@code prompt},
 * {@code model}, {@code aspect_ratio}, {@code resolution}, {@code duration} "5s" or "9s", {@code
 * keyframes.frame0/frame1} as {@code {"type":"image","url":…}}, {@code callback_url}), {@code GET
 * …/generations/{id}} polls ({@code state} queued → dreaming → completed | failed, {@code
 * failure_reason}, {@code assets.video}), {@code DELETE …/generations/{id}} cancels. The key goes
 * as {@code Authorization: Bearer …}.
 *
 * <p>Luma fetches frames by URL only: a frame without a public address is refused before anything
 * is sent. Lengths are 5 or 9 s (the nearest is asked for); 480p is asked as Luma's 540p. Luma has
 * no seed.
 */
public final class LumaVideos implements VideoGenerator {

  public static final String NAME = LumaFactory.NAME;

  static final String GENERATIONS = "/dream-machine/v1/generations";

  /** The clip lengths Luma makes, in seconds. */
  static final int[] LENGTHS = {5, 9};

  /** Luma's failure_reason when it could not download a keyframe. */
  private static final String UNREADABLE_FRAMES = "failed to read user input frames";

  private final JsonApiClient api;
  private final LumaOptions options;
  private final Clock clock;

  LumaVideos(JsonApiClient api, LumaOptions options, Clock clock) {
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
    ObjectNode body = Json.object();
    if (!request.prompt().isBlank()) {
      body.put("prompt", request.prompt());
    }
    body.put("model", options.model());
    body.put("aspect_ratio", request.aspect().label());
    body.put("resolution", resolution(request.resolution()));
    body.put("duration", VideoLengths.nearest(request.durationSeconds(), LENGTHS) + "s");
    body.put("loop", false);
    if (request.startImage().isPresent()) {
      ObjectNode keyframes = body.putObject("keyframes");
      keyframe(keyframes, "frame0", request.startImage().get(), "start_image_url");
      request.endImage().ifPresent(end -> keyframe(keyframes, "frame1", end, "end_image_url"));
    }
    options.callbackUrl().ifPresent(url -> body.put("callback_url", url));
    JsonNode generation = api.json(api.post(GENERATIONS, body));
    String id = generation.path("id").asString("");
    if (id.isBlank()) {
      throw new ReelForgeException(
          ErrorCode.EXTERNAL_API_ERROR, "Luma accepted the request but named no generation id");
    }
    return new VideoProgress.Pending(
        new PendingVideo(
            NAME,
            id,
            generation.path("state").asString("queued"),
            clock.instant(),
            options.pollEvery()));
  }

  @Override
  public VideoProgress poll(PendingVideo pending, Path directory) {
    String id = pending.externalId();
    JsonNode generation = api.json(api.get(path(id)));
    String state = generation.path("state").asString("");
    return switch (state) {
      case "queued", "dreaming" ->
          new VideoProgress.Pending(pending.withStatus(state, options.pollEvery()));
      case "completed" -> new VideoProgress.Done(download(generation, id, directory));
      case "failed" -> throw failed(text(generation.path("failure_reason")));
      default ->
          throw new ReelForgeException(
              ErrorCode.EXTERNAL_API_ERROR,
              "Luma reported an unknown state '" + state + "' for generation " + id);
    };
  }

  /**
   * Deletes the generation, which stops it. A generation Luma no longer knows is already gone;
   * other failures are thrown for the caller to weigh.
   */
  @Override
  public void cancel(PendingVideo pending) {
    try {
      api.send(HttpRequest.newBuilder(api.endpoint().uri(path(pending.externalId()))).DELETE());
    } catch (ProviderRejection gone) {
      if (gone.status() != 404) {
        throw gone;
      }
    }
  }

  private GeneratedVideo download(JsonNode generation, String id, Path directory) {
    String url = text(generation.path("assets").path("video"));
    if (url.isBlank()) {
      throw new ReelForgeException(
          ErrorCode.EXTERNAL_API_ERROR, "Luma completed generation " + id + " without a video");
    }
    return VideoFiles.finish(
        api,
        URI.create(url),
        directory,
        NAME + "-" + id,
        options.model(),
        new MediaLicence(
            NAME,
            "generated with " + options.model(),
            "Luma AI Dream Machine API terms of service",
            "https://lumalabs.ai/legal/tos"));
  }

  private static ReelForgeException failed(String reason) {
    if (Refusals.isSafetyRefusal(reason)) {
      return Refusals.refused("Luma", reason);
    }
    if (reason.toLowerCase(Locale.ROOT).contains(UNREADABLE_FRAMES)) {
      return new ReelForgeException(
          ErrorCode.EXTERNAL_API_ERROR,
          "Luma could not download the start or end frame from its public address ("
              + reason
              + "); check that the server's public URL is reachable from the internet",
          false,
          List.of(),
          null);
    }
    // Luma refunds failed generations, and most failures are its own: trying again is reasonable.
    return new ReelForgeException(
        ErrorCode.EXTERNAL_API_ERROR,
        "Luma could not make the clip" + (reason.isBlank() ? "" : ": " + reason),
        true,
        List.of(),
        null);
  }

  private static void keyframe(ObjectNode keyframes, String name, VideoFrame frame, String field) {
    String url =
        frame
            .publicUrl()
            .map(String::strip)
            .filter(u -> u.startsWith("https://") || u.startsWith("http://"))
            .orElseThrow(
                () ->
                    ReelForgeException.invalidField(
                        field,
                        "Luma fetches frames by URL and this one has no public address; set the"
                            + " server's public URL so that Luma can reach it, or choose another"
                            + " video engine"));
    ObjectNode keyframe = keyframes.putObject(name);
    keyframe.put("type", "image");
    keyframe.put("url", url);
  }

  private static String resolution(VideoRequest.Resolution resolution) {
    return switch (resolution) {
      case P480 -> "540p";
      case P720 -> "720p";
      case P1080 -> "1080p";
    };
  }

  /** A string field, empty when absent or null (Luma sends {@code null} for unset ones). */
  private static String text(JsonNode node) {
    return node.isString() ? node.asString() : "";
  }

  private static String path(String id) {
    return GENERATIONS + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
  }
}
