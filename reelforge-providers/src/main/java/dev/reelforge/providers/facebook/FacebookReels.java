package dev.reelforge.providers.facebook;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.publish.AccountCredentials;
import dev.reelforge.core.publish.Platform;
import dev.reelforge.core.publish.PublishItem;
import dev.reelforge.core.publish.PublishOutcome;
import dev.reelforge.core.publish.Publisher;
import dev.reelforge.core.publish.UploadState;
import dev.reelforge.providers.meta.GraphApiException;
import dev.reelforge.providers.meta.GraphClient;
import dev.reelforge.providers.meta.PublishingWindow;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Facebook Reels on a Page through the Reels Publishing API.
 *
 * <ol>
 *   <li>{@code POST /{page-id}/video_reels} with {@code upload_phase=start} answers {@code
 *       video_id} and {@code upload_url}, stored at once;
 *   <li>the bytes go to {@code upload_url} ({@code rupload.facebook.com/video-upload/{version}/
 *       {video_id}}) with {@code Authorization: OAuth {token}}, {@code offset} and {@code
 *       file_size} headers, in chunks; a resumed upload first asks {@code GET /{video_id}?fields=
 *       status} for {@code uploading_phase.bytes_transferred} and goes on from there;
 *   <li>{@code POST /{page-id}/video_reels} with {@code upload_phase=finish}, {@code
 *       video_state=PUBLISHED} and the description publishes; that it was sent is stored at once
 *       (the Page's cap of 30 reels per 24 hours is enforced here: {@link
 *       PublishOutcome.Deferred});
 *   <li>{@code GET /{video_id}?fields=status} until {@code publishing_phase.status} is {@code
 *       complete}: {@link PublishOutcome.Pending} until then, then {@link PublishOutcome.Published}
 *       at {@code https://www.facebook.com/reel/{video_id}}.
 * </ol>
 *
 * <p>Never posts twice: everything hangs on one video id, and a finish whose answer was lost is
 * recognised by the video's publishing phase having started. Reels on a Page are public: {@code
 * privacy} is not mapped.
 */
public final class FacebookReels implements Publisher {

  public static final String NAME = FacebookFactory.NAME;

  static final String VIDEO = "facebook.video";
  static final String UPLOAD_URL = "facebook.upload_url";
  static final String UPLOADED = "facebook.uploaded_bytes";
  static final String FINISH_SENT = "facebook.finish_sent";

  static final String REEL_URL = "https://www.facebook.com/reel/";

  private final GraphClient graph;
  private final GraphClient upload;
  private final FacebookOptions options;
  private final Clock clock;

  FacebookReels(GraphClient graph, GraphClient upload, FacebookOptions options, Clock clock) {
    this.graph = graph;
    this.upload = upload;
    this.options = options;
    this.clock = clock;
  }

  @Override
  public Platform platform() {
    return Platform.FACEBOOK;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public PublishOutcome publish(PublishItem item, AccountCredentials account, UploadState state) {
    String page = account.externalId();
    if (page.isBlank()) {
      throw new ReelForgeException(
          ErrorCode.AUTH_REQUIRED,
          "the Facebook connection names no Page; connect it again choosing the Page",
          false,
          List.of(),
          null);
    }
    String token = account.accessToken();
    try {
      Optional<String> video = state.get(VIDEO);
      long offset = 0;
      if (video.isEmpty()) {
        video = Optional.of(start(page, token, state));
      } else if (state.get(FINISH_SENT).isEmpty()) {
        JsonNode status = status(video.get(), token);
        if (status == null) {
          // The session is gone (never finished, so never published): start a new one.
          forget(state);
          video = Optional.of(start(page, token, state));
        } else if (!"not_started".equals(phase(status, "publishing_phase"))) {
          // The finish was received though its answer was lost: never send it twice.
          state.put(FINISH_SENT, "true");
        } else {
          offset = status.path("uploading_phase").path("bytes_transferred").asLong(0);
        }
      }
      if (state.get(FINISH_SENT).isEmpty()) {
        send(item, video.get(), offset, token, state);
        finish(item, page, video.get(), token, state);
      }
      return outcome(video.get(), token, state);
    } catch (GraphApiException e) {
      if (e.code() == ErrorCode.QUOTA_EXCEEDED) {
        return deferred(e, page, token);
      }
      throw e;
    }
  }

  private String start(String page, String token, UploadState state) {
    cancelledCheck(state);
    JsonNode answer =
        graph.post(GraphClient.node(page) + "/video_reels", Map.of("upload_phase", "start"), token);
    String video = answer.path("video_id").asString("");
    if (video.isBlank()) {
      throw new ReelForgeException(
          ErrorCode.EXTERNAL_API_ERROR, "Facebook started an upload but named no video_id");
    }
    state.put(VIDEO, video);
    String url = answer.path("upload_url").asString("");
    if (!url.isBlank()) {
      state.put(UPLOAD_URL, url);
    }
    state.progress(0.05, "Facebook upload session started");
    return video;
  }

  /** Sends the bytes from {@code offset} on, a chunk at a time, storing each confirmed offset. */
  private void send(PublishItem item, String video, long offset, String token, UploadState state) {
    Path file = item.video();
    URI target =
        URI.create(
            state
                .get(UPLOAD_URL)
                .orElse(
                    options.uploadUrl()
                        + "/video-upload/"
                        + graph.version()
                        + "/"
                        + GraphClient.node(video)));
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      long at = offset;
      while (at < size) {
        cancelledCheck(state);
        int length = (int) Math.min(options.chunkBytes(), size - at);
        ByteBuffer chunk = ByteBuffer.allocate(length);
        while (chunk.hasRemaining() && channel.read(chunk, at + chunk.position()) >= 0) {
          // Positional reads until the chunk is full.
        }
        JsonNode answer =
            upload.sendOnce(
                HttpRequest.newBuilder(target)
                    .header("Authorization", "OAuth " + token)
                    .header("offset", String.valueOf(at))
                    .header("file_size", String.valueOf(size))
                    .header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(chunk.array())));
        if (!answer.path("success").asBoolean(false)) {
          throw new ReelForgeException(
              ErrorCode.EXTERNAL_API_ERROR,
              "Facebook did not confirm the upload at offset " + at,
              true,
              List.of(),
              null);
        }
        at += length;
        state.put(UPLOADED, String.valueOf(at));
        state.progress(0.05 + 0.75 * at / size, "uploading to Facebook");
      }
    } catch (IOException e) {
      throw new ReelForgeException(
          ErrorCode.INTERNAL_ERROR, "could not read the video " + file.getFileName(), e);
    }
  }

  private void finish(
      PublishItem item, String page, String video, String token, UploadState state) {
    cancelledCheck(state);
    Map<String, String> form = new LinkedHashMap<>();
    form.put("upload_phase", "finish");
    form.put("video_id", video);
    form.put("video_state", "PUBLISHED");
    form.put("description", item.metadata().caption(Platform.FACEBOOK));
    if (!item.metadata().title().isBlank()) {
      form.put("title", item.metadata().title());
    }
    JsonNode answer = graph.post(GraphClient.node(page) + "/video_reels", form, token);
    if (!answer.path("success").asBoolean(false)) {
      throw new ReelForgeException(
          ErrorCode.EXTERNAL_API_ERROR,
          "Facebook did not confirm publishing video " + video,
          true,
          List.of(),
          null);
    }
    state.put(FINISH_SENT, "true");
    state.progress(0.85, "Facebook is processing the reel");
  }

  private PublishOutcome outcome(String video, String token, UploadState state) {
    JsonNode status = status(video, token);
    if (status == null) {
      throw new ReelForgeException(
          ErrorCode.EXTERNAL_API_ERROR,
          "Facebook no longer knows video " + video + " (deleted on the Page?)",
          false,
          List.of(),
          null);
    }
    for (String phase : List.of("uploading_phase", "processing_phase", "publishing_phase")) {
      if ("error".equals(phase(status, phase))) {
        throw failed(state, phase, status.path(phase).path("errors"));
      }
    }
    if ("error".equals(status.path("video_status").asString(""))) {
      throw failed(state, "video", status.path("errors"));
    }
    if ("complete".equals(phase(status, "publishing_phase"))) {
      state.progress(1.0, "published on Facebook");
      return new PublishOutcome.Published(video, REEL_URL + video);
    }
    return new PublishOutcome.Pending(
        options.pollEvery(),
        "Facebook is processing the reel (" + status.path("video_status").asString("") + ")");
  }

  /** The reel never went live: a retry by hand starts a new upload. */
  private static ReelForgeException failed(UploadState state, String phase, JsonNode errors) {
    forget(state);
    return new ReelForgeException(
        ErrorCode.EXTERNAL_API_ERROR,
        "Facebook could not publish the reel ("
            + phase.replace('_', ' ')
            + "): "
            + errors.path(0).path("message").asString("no reason given"),
        false,
        List.of(),
        null);
  }

  /** The video's {@code status}, or null when Facebook no longer has the video. */
  private JsonNode status(String video, String token) {
    try {
      return graph.get(GraphClient.node(video), Map.of("fields", "status"), token).path("status");
    } catch (GraphApiException e) {
      if (e.graphCode() == 100 && e.subcode() == 33) {
        return null;
      }
      throw e;
    }
  }

  private static String phase(JsonNode status, String phase) {
    return status.path(phase).path("status").asString("not_started");
  }

  /** The Page's cap or a rate limit: when the cap-th newest reel leaves the window, or an hour. */
  private PublishOutcome deferred(GraphApiException cause, String page, String token) {
    Instant now = clock.instant();
    if (!cause.publishingLimit()) {
      return new PublishOutcome.Deferred(
          now.plus(PublishingWindow.RATE_LIMIT_WINDOW), cause.getMessage());
    }
    List<Instant> newest = new ArrayList<>();
    try {
      for (JsonNode reel :
          graph
              .get(
                  GraphClient.node(page) + "/video_reels",
                  Map.of(
                      "fields", "id,created_time", "limit", String.valueOf(options.reelsPerDay())),
                  token)
              .path("data")) {
        PublishingWindow.parse(reel.path("created_time").asString("")).ifPresent(newest::add);
      }
    } catch (ReelForgeException listingFailed) {
      // Without the listing the hour-long fallback still defers sensibly.
      newest.clear();
    }
    return new PublishOutcome.Deferred(
        PublishingWindow.nextSlot(newest, options.reelsPerDay(), now),
        "Facebook's limit of "
            + options.reelsPerDay()
            + " reels per Page per 24 hours is reached; the reel is published when a slot opens");
  }

  private static void forget(UploadState state) {
    for (String key : List.of(VIDEO, UPLOAD_URL, UPLOADED, FINISH_SENT)) {
      state.remove(key);
    }
  }

  private static void cancelledCheck(UploadState state) {
    if (state.cancelled()) {
      throw new ReelForgeException(
          ErrorCode.CONFLICT,
          "the publication was cancelled before Facebook published it",
          false,
          List.of(),
          null);
    }
  }

  @Override
  public String toString() {
    return "FacebookReels[" + graph + "]";
  }
}
