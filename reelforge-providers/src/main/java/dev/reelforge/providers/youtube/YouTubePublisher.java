package dev.reelforge.providers.youtube;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.publish.AccountCredentials;
import dev.reelforge.core.publish.Platform;
import dev.reelforge.core.publish.PostMetadata;
import dev.reelforge.core.publish.PublishItem;
import dev.reelforge.core.publish.PublishOutcome;
import dev.reelforge.core.publish.Publisher;
import dev.reelforge.core.publish.UploadState;
import dev.reelforge.providers.http.Json;
import dev.reelforge.providers.publish.FileRanges;
import dev.reelforge.providers.publish.PlatformHttp;
import dev.reelforge.providers.publish.PlatformHttp.Reply;
import dev.reelforge.providers.youtube.YouTubeErrors.QuotaReached;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * YouTube's resumable upload (Data API v3, {@code videos.insert}): a {@code POST} with the video's
 * metadata opens a session whose URI comes back in {@code Location}; the bytes go up in {@code
 * PUT}s of {@code Content-Range} chunks, each answered {@code 308} with the {@code Range} YouTube
 * holds, until the last is answered with the video resource. A later call finding the session in
 * the {@link UploadState} asks YouTube how much it holds ({@code Content-Range: bytes *}/SIZE) and
 * goes on from there; a session YouTube forgot ({@code 404}/{@code 410}) never made a video, so a
 * new one is opened without risking a second post. The day's quota ({@code quotaExceeded}, {@code
 * uploadLimitExceeded}) defers the target to the next midnight in Pacific time, when YouTube resets
 * it.
 */
public final class YouTubePublisher implements Publisher {

  public static final String NAME = YouTubeFactory.NAME;

  /** The session URI, written as soon as YouTube gives it. */
  static final String SESSION = "youtube.session";

  /** The bytes YouTube confirmed, for progress and diagnosis (the probe is the truth). */
  static final String CONFIRMED = "youtube.confirmed_bytes";

  /** The video's id once the upload completed: a call that finds it posts nothing. */
  static final String VIDEO_ID = "youtube.video_id";

  /** YouTube's quota day runs from midnight to midnight Pacific time. */
  static final ZoneId QUOTA_DAY = ZoneId.of("America/Los_Angeles");

  static final String UPLOAD_PATH = "/upload/youtube/v3/videos";

  private static final Set<String> PRIVACY = Set.of("public", "unlisted", "private");

  private final PlatformHttp http;
  private final YouTubeOptions options;
  private final Clock clock;

  YouTubePublisher(PlatformHttp http, YouTubeOptions options, Clock clock) {
    this.http = http;
    this.options = options;
    this.clock = clock;
  }

  @Override
  public Platform platform() {
    return Platform.YOUTUBE;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public PublishOutcome publish(
      PublishItem item, AccountCredentials credentials, UploadState state) {
    Optional<String> done = state.get(VIDEO_ID);
    if (done.isPresent()) {
      return published(done.get());
    }
    String privacy = privacy(item.privacy());
    if (item.videoBytes() <= 0) {
      throw ReelForgeException.invalidField("video", "the video is empty");
    }
    try {
      return new Upload(item, credentials.accessToken(), state, privacy).run();
    } catch (QuotaReached quota) {
      return new PublishOutcome.Deferred(
          nextQuotaDay(),
          "YouTube's "
              + (quota.reason.equals("uploadLimitExceeded") ? "upload limit" : "API quota")
              + " for today is spent ("
              + quota.reason
              + "); it resets at midnight Pacific time");
    }
  }

  /** The next midnight in Pacific time, when YouTube's daily quota resets. */
  Instant nextQuotaDay() {
    return clock
        .instant()
        .atZone(QUOTA_DAY)
        .toLocalDate()
        .plusDays(1)
        .atStartOfDay(QUOTA_DAY)
        .toInstant();
  }

  /** One call's work on one upload. */
  private final class Upload {
    private final PublishItem item;
    private final String token;
    private final UploadState state;
    private final String privacy;
    private final long size;

    Upload(PublishItem item, String token, UploadState state, String privacy) {
      this.item = item;
      this.token = token;
      this.state = state;
      this.privacy = privacy;
      this.size = item.videoBytes();
    }

    PublishOutcome run() {
      Optional<String> stored = state.get(SESSION);
      long offset = 0;
      URI session = null;
      if (stored.isPresent()) {
        session = URI.create(stored.get());
        Reply probe = put(session, probeRange(), HttpRequest.BodyPublishers.noBody());
        if (probe.ok()) {
          return finished(probe);
        }
        if (probe.status() == 308) {
          offset = received(probe);
        } else if (expired(probe)) {
          forget();
          session = null;
        } else {
          throw YouTubeErrors.read(probe);
        }
      }
      boolean restarted = false;
      if (session == null) {
        session = open();
        restarted = stored.isPresent();
      }
      while (true) {
        if (state.cancelled()) {
          throw new ReelForgeException(
              ErrorCode.CONFLICT,
              "the publication was cancelled; the YouTube upload stopped at "
                  + offset
                  + " of "
                  + size
                  + " bytes",
              false,
              List.of(),
              null);
        }
        if (offset >= size) {
          // YouTube holds every byte yet made no video: its next answer to a probe will tell.
          throw new ReelForgeException(
              ErrorCode.EXTERNAL_API_ERROR,
              "YouTube holds the whole file but has not answered with the video yet",
              true,
              List.of(),
              null);
        }
        int length = (int) Math.min(options.chunkBytes(), size - offset);
        byte[] chunk = FileRanges.read(item.video(), offset, length);
        Reply reply =
            put(
                session,
                "bytes " + offset + "-" + (offset + length - 1) + "/" + size,
                HttpRequest.BodyPublishers.ofByteArray(chunk));
        if (reply.ok()) {
          return finished(reply);
        }
        if (reply.status() == 308) {
          offset = received(reply);
          state.put(CONFIRMED, Long.toString(offset));
          state.progress(
              (double) offset / size,
              "uploaded " + mib(offset) + " of " + mib(size) + " to YouTube");
        } else if (expired(reply) && !restarted) {
          forget();
          session = open();
          restarted = true;
          offset = 0;
        } else {
          throw expired(reply) ? sessionLost(reply) : YouTubeErrors.read(reply);
        }
      }
    }

    /** Opens a session and writes its URI through before any byte is sent. */
    private URI open() {
      Reply reply =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          options.baseUrl()
                              + UPLOAD_PATH
                              + "?uploadType=resumable&part=snippet%2Cstatus"))
                  .header("Content-Type", "application/json; charset=UTF-8")
                  .header("X-Upload-Content-Length", Long.toString(size))
                  .header("X-Upload-Content-Type", "video/mp4")
                  .POST(HttpRequest.BodyPublishers.ofString(Json.write(metadata()))),
              token,
              options.requestTimeout());
      if (!reply.ok()) {
        throw YouTubeErrors.read(reply);
      }
      String location = reply.headers().firstValue("Location").orElse("");
      if (location.isBlank()) {
        throw new ReelForgeException(
            ErrorCode.EXTERNAL_API_ERROR,
            "YouTube opened an upload session without naming it (no Location header)",
            true,
            List.of(),
            null);
      }
      state.put(SESSION, location);
      state.put(CONFIRMED, "0");
      state.progress(0, "YouTube upload session opened");
      return URI.create(location);
    }

    private ObjectNode metadata() {
      PostMetadata copy = item.metadata();
      ObjectNode body = Json.object();
      ObjectNode snippet = body.putObject("snippet");
      snippet.put("title", copy.title());
      snippet.put("description", copy.caption(Platform.YOUTUBE));
      ArrayNode tags = snippet.putArray("tags");
      copy.hashtags().forEach(tags::add);
      snippet.put("defaultLanguage", copy.locale());
      ObjectNode status = body.putObject("status");
      status.put("privacyStatus", privacy);
      status.put("selfDeclaredMadeForKids", options.madeForKids());
      return body;
    }

    private Reply put(URI session, String range, HttpRequest.BodyPublisher body) {
      return http.send(
          HttpRequest.newBuilder(session)
              .header("Content-Type", "video/mp4")
              .header("Content-Range", range)
              .PUT(body),
          token,
          options.requestTimeout());
    }

    private String probeRange() {
      return "bytes */" + size;
    }

    private PublishOutcome finished(Reply reply) {
      String id = YouTubeErrors.parse(reply.body()).path("id").asString("");
      if (id.isBlank()) {
        throw new ReelForgeException(
            ErrorCode.EXTERNAL_API_ERROR,
            "YouTube finished the upload but named no video id",
            false,
            List.of(),
            null);
      }
      state.put(VIDEO_ID, id);
      state.progress(1, "uploaded to YouTube as " + id);
      return published(id);
    }

    private void forget() {
      state.remove(SESSION);
      state.remove(CONFIRMED);
    }
  }

  /** A session lost twice in one call: the next call starts again. */
  private static ReelForgeException sessionLost(Reply reply) {
    return new ReelForgeException(
        ErrorCode.EXTERNAL_API_ERROR,
        "YouTube dropped the new upload session too (HTTP " + reply.status() + ")",
        true,
        List.of(),
        null);
  }

  private static boolean expired(Reply reply) {
    return reply.status() == 404 || reply.status() == 410;
  }

  /** The bytes held after a {@code 308}: {@code Range: bytes=0-N} means N+1; none means 0. */
  static long received(Reply reply) {
    Optional<String> range = reply.headers().firstValue("Range");
    if (range.isEmpty()) {
      return 0;
    }
    String value = range.get().strip();
    int dash = value.lastIndexOf('-');
    try {
      return Long.parseLong(value.substring(dash + 1).strip()) + 1;
    } catch (RuntimeException unreadable) {
      throw new ReelForgeException(
          ErrorCode.EXTERNAL_API_ERROR,
          "YouTube answered an unreadable Range header '" + value + "'",
          true,
          List.of(),
          null);
    }
  }

  private static PublishOutcome published(String id) {
    return new PublishOutcome.Published(id, "https://www.youtube.com/shorts/" + id);
  }

  private static String privacy(String privacy) {
    String level = privacy.strip().toLowerCase(Locale.ROOT);
    if (!PRIVACY.contains(level)) {
      throw ReelForgeException.invalidField(
          "privacy", "must be public, unlisted or private on YouTube, not '" + privacy + "'");
    }
    return level;
  }

  private static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
  }
}
