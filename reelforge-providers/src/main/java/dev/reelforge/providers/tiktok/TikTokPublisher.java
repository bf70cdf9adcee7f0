package dev.reelforge.providers.tiktok;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.publish.AccountCredentials;
import dev.reelforge.core.publish.Platform;
import dev.reelforge.core.publish.PublishItem;
import dev.reelforge.core.publish.PublishOutcome;
import dev.reelforge.core.publish.Publisher;
import dev.reelforge.core.publish.UploadState;
import dev.reelforge.providers.http.Json;
import dev.reelforge.providers.publish.FileRanges;
import dev.reelforge.providers.publish.PlatformHttp;
import dev.reelforge.providers.publish.PlatformHttp.Reply;
import dev.reelforge.providers.tiktok.TikTokErrors.Wait;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * TikTok's Content Posting API: {@code creator_info/query} says which privacy levels the account
 * offers (a level it does not offer is refused before anything is sent), {@code video/init} (or
 * {@code inbox/video/init}, a draft in the creator's inbox) opens a post and names its {@code
 * publish_id} and {@code upload_url}, the chunks go up in order ({@code 206} each, {@code 201} for
 * the last), and {@code status/fetch} follows the post through TikTok's processing.
 *
 * <p>Every id and every confirmed chunk is written to the {@link UploadState} before the next
 * request, so a later call sends only what TikTok has not confirmed. An upload URL that expired
 * (TikTok gives it an hour) belongs to a post that never completed: a new {@code init} cannot post
 * twice. A rate limit defers the target by TikTok's {@code Retry-After} (a minute without one), the
 * daily post cap by a day.
 */
public final class TikTokPublisher implements Publisher {

  public static final String NAME = TikTokFactory.NAME;

  static final String PUBLISH_ID = "tiktok.publish_id";
  static final String UPLOAD_URL = "tiktok.upload_url";
  static final String CHUNK_SIZE = "tiktok.chunk_size";
  static final String CHUNK_COUNT = "tiktok.chunk_count";
  static final String CHUNKS_DONE = "tiktok.chunks_done";
  static final String UPLOADED = "tiktok.uploaded";
  static final String USERNAME = "tiktok.username";
  static final String POST_ID = "tiktok.post_id";
  static final String POST_URL = "tiktok.post_url";

  private static final List<String> UPLOAD_KEYS =
      List.of(PUBLISH_ID, UPLOAD_URL, CHUNK_SIZE, CHUNK_COUNT, CHUNKS_DONE, UPLOADED);

  /** ReelForge's three levels onto TikTok's. */
  static final Map<String, String> PRIVACY =
      Map.of(
          "public", "PUBLIC_TO_EVERYONE",
          "unlisted", "MUTUAL_FOLLOW_FRIENDS",
          "private", "SELF_ONLY");

  static final String CREATOR_INFO = "/v2/post/publish/creator_info/query/";
  static final String DIRECT_INIT = "/v2/post/publish/video/init/";
  static final String INBOX_INIT = "/v2/post/publish/inbox/video/init/";
  static final String STATUS = "/v2/post/publish/status/fetch/";

  private final PlatformHttp http;
  private final TikTokOptions options;
  private final Clock clock;

  TikTokPublisher(PlatformHttp http, TikTokOptions options, Clock clock) {
    this.http = http;
    this.options = options;
    this.clock = clock;
  }

  @Override
  public Platform platform() {
    return Platform.TIKTOK;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public PublishOutcome publish(
      PublishItem item, AccountCredentials credentials, UploadState state) {
    Optional<String> done = state.get(POST_ID);
    if (done.isPresent()) {
      return new PublishOutcome.Published(done.get(), state.get(POST_URL).orElse(""));
    }
    if (item.videoBytes() <= 0) {
      throw ReelForgeException.invalidField("video", "the video is empty");
    }
    try {
      return new Post(item, credentials.accessToken(), state).run();
    } catch (Wait wait) {
      return new PublishOutcome.Deferred(wait.until, wait.getMessage());
    }
  }

  /** One call's work on one post. */
  private final class Post {
    private final PublishItem item;
    private final String token;
    private final UploadState state;

    Post(PublishItem item, String token, UploadState state) {
      this.item = item;
      this.token = token;
      this.state = state;
    }

    PublishOutcome run() {
      if (state.get(UPLOADED).isEmpty()) {
        boolean fresh = state.get(PUBLISH_ID).isEmpty();
        if (fresh) {
          init();
        }
        if (!sendChunks()) {
          if (fresh) {
            throw retryable("TikTok refused the upload URL it had just given");
          }
          // The upload URL is gone. If TikTok already has the whole video (the last chunk's answer
          // was lost), this post is under way: a new one would post twice.
          if (alreadyReceived(state.get(PUBLISH_ID).orElseThrow())) {
            state.put(UPLOADED, "true");
            return status();
          }
          forgetUpload();
          init();
          if (!sendChunks()) {
            throw retryable("TikTok refused the upload URL it had just given");
          }
        }
      }
      return status();
    }

    /** Opens the post and writes its ids and chunk plan through before any byte is sent. */
    private void init() {
      ObjectNode body = Json.object();
      if (!options.inbox()) {
        ObjectNode postInfo = body.putObject("post_info");
        postInfo.put("title", item.metadata().caption(Platform.TIKTOK));
        postInfo.put("privacy_level", offeredPrivacy());
        postInfo.put("disable_comment", false);
        postInfo.put("disable_duet", false);
        postInfo.put("disable_stitch", false);
      }
      TikTokChunks plan = TikTokChunks.plan(item.videoBytes(), options.chunkBytes());
      ObjectNode source = body.putObject("source_info");
      source.put("source", "FILE_UPLOAD");
      source.put("video_size", plan.size());
      source.put("chunk_size", plan.chunkSize());
      source.put("total_chunk_count", plan.count());
      JsonNode data = call(options.inbox() ? INBOX_INIT : DIRECT_INIT, body).path("data");
      String publishId = data.path("publish_id").asString("");
      String uploadUrl = data.path("upload_url").asString("");
      if (publishId.isBlank() || uploadUrl.isBlank()) {
        throw retryable("TikTok opened a post without a publish_id and upload_url");
      }
      state.put(PUBLISH_ID, publishId);
      state.put(UPLOAD_URL, uploadUrl);
      state.put(CHUNK_SIZE, Long.toString(plan.chunkSize()));
      state.put(CHUNK_COUNT, Integer.toString(plan.count()));
      state.put(CHUNKS_DONE, "0");
      state.progress(0, "TikTok post " + publishId + " opened");
    }

    /** The account's level for the item's privacy, or a refusal naming what it offers. */
    private String offeredPrivacy() {
      String asked = item.privacy().strip().toLowerCase(Locale.ROOT);
      String level = PRIVACY.get(asked);
      if (level == null) {
        throw ReelForgeException.invalidField(
            "privacy",
            "must be public, unlisted or private on TikTok, not '" + item.privacy() + "'");
      }
      JsonNode creator = call(CREATOR_INFO, Json.object()).path("data");
      String username = creator.path("creator_username").asString("");
      if (!username.isBlank()) {
        state.put(USERNAME, username);
      }
      List<String> offered = new ArrayList<>();
      creator.path("privacy_level_options").forEach(option -> offered.add(option.asString()));
      if (!offered.contains(level)) {
        throw ReelForgeException.invalidField(
            "privacy",
            "the TikTok account @"
                + username
                + " does not offer "
                + asked
                + " ("
                + level
                + "); it offers "
                + String.join(", ", offered));
      }
      return level;
    }

    /** Sends the chunks TikTok has not confirmed; false when the upload URL has expired. */
    private boolean sendChunks() {
      TikTokChunks plan =
          new TikTokChunks(
              item.videoBytes(),
              Long.parseLong(state.get(CHUNK_SIZE).orElseThrow()),
              Integer.parseInt(state.get(CHUNK_COUNT).orElseThrow()));
      URI uploadUrl = URI.create(state.get(UPLOAD_URL).orElseThrow());
      int next = Integer.parseInt(state.get(CHUNKS_DONE).orElse("0"));
      for (int index = next; index < plan.count(); index++) {
        if (state.cancelled()) {
          throw new ReelForgeException(
              ErrorCode.CONFLICT,
              "the publication was cancelled; the TikTok upload stopped after "
                  + index
                  + " of "
                  + plan.count()
                  + " chunks",
              false,
              List.of(),
              null);
        }
        long start = plan.start(index);
        int length = plan.length(index);
        Reply reply =
            http.send(
                HttpRequest.newBuilder(uploadUrl)
                    .header("Content-Type", "video/mp4")
                    .header(
                        "Content-Range",
                        "bytes " + start + "-" + (start + length - 1) + "/" + plan.size())
                    .PUT(
                        HttpRequest.BodyPublishers.ofByteArray(
                            FileRanges.read(item.video(), start, length))),
                token,
                options.requestTimeout());
        if (reply.status() == 404 || reply.status() == 403 || reply.status() == 410) {
          return false;
        }
        if (reply.status() == 201) {
          state.put(CHUNKS_DONE, Integer.toString(plan.count()));
          state.put(UPLOADED, "true");
          state.progress(1, "uploaded to TikTok; TikTok is processing it");
          return true;
        }
        if (reply.status() != 206) {
          throw TikTokErrors.read(reply, clock);
        }
        state.put(CHUNKS_DONE, Integer.toString(index + 1));
        state.progress(
            (double) (index + 1) / plan.count(),
            "uploaded " + (index + 1) + " of " + plan.count() + " chunks to TikTok");
      }
      // Every chunk was answered 206 and none 201: TikTok's status says whether it has the file.
      state.put(UPLOADED, "true");
      return true;
    }

    /**
     * Whether TikTok holds the whole video of {@code publishId}: its status has moved on, or it
     * reports every byte uploaded. A publish it does not know, or one that failed, holds nothing.
     */
    private boolean alreadyReceived(String publishId) {
      ObjectNode body = Json.object();
      body.put("publish_id", publishId);
      JsonNode data;
      try {
        data = call(STATUS, body).path("data");
      } catch (ReelForgeException e) {
        if (e.retryable()) {
          throw e;
        }
        return false;
      }
      String status = data.path("status").asString("");
      if (status.isBlank() || status.equals("FAILED")) {
        return false;
      }
      // Still PROCESSING_UPLOAD while TikTok works on a complete file: its uploaded_bytes tell.
      return !status.equals("PROCESSING_UPLOAD")
          || data.path("uploaded_bytes").asLong(0) >= item.videoBytes();
    }

    private PublishOutcome status() {
      String publishId = state.get(PUBLISH_ID).orElseThrow();
      ObjectNode body = Json.object();
      body.put("publish_id", publishId);
      JsonNode data = call(STATUS, body).path("data");
      String status = data.path("status").asString("");
      return switch (status) {
        case "PUBLISH_COMPLETE" -> published(publishId, data.path("publicaly_available_post_id"));
        case "SEND_TO_USER_INBOX" -> done(publishId, "");
        case "FAILED" -> {
          // Nothing was posted: a retry by hand opens a new post rather than polling this one.
          forgetUpload();
          throw new ReelForgeException(
              ErrorCode.EXTERNAL_API_ERROR,
              "TikTok could not post the video: "
                  + data.path("fail_reason").asString("no reason given"),
              false,
              List.of(),
              null);
        }
        default ->
            new PublishOutcome.Pending(
                options.pollEvery(),
                "TikTok is processing the post"
                    + (status.isBlank() ? "" : " (" + status.toLowerCase(Locale.ROOT) + ")"));
      };
    }

    private PublishOutcome published(String publishId, JsonNode ids) {
      String postId = ids.path(0).asString("");
      if (postId.isBlank()) {
        // TikTok names public posts only; a private one is known by its publish_id.
        return done(publishId, "");
      }
      String username = state.get(USERNAME).orElse("");
      return done(
          postId,
          username.isBlank()
              ? "https://www.tiktok.com/video/" + postId
              : "https://www.tiktok.com/@" + username + "/video/" + postId);
    }

    private PublishOutcome done(String postId, String url) {
      state.put(POST_URL, url);
      state.put(POST_ID, postId);
      return new PublishOutcome.Published(postId, url);
    }

    private JsonNode call(String path, ObjectNode body) {
      Reply reply =
          http.send(
              HttpRequest.newBuilder(URI.create(options.baseUrl() + path))
                  .header("Content-Type", "application/json; charset=UTF-8")
                  .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))),
              token,
              options.requestTimeout());
      JsonNode root = TikTokErrors.parse(reply.body());
      if (!reply.ok() || !TikTokErrors.code(root).equals("ok")) {
        throw TikTokErrors.read(reply, clock);
      }
      return root;
    }

    private void forgetUpload() {
      UPLOAD_KEYS.forEach(state::remove);
    }
  }

  private static ReelForgeException retryable(String message) {
    return new ReelForgeException(ErrorCode.EXTERNAL_API_ERROR, message, true, List.of(), null);
  }
}
