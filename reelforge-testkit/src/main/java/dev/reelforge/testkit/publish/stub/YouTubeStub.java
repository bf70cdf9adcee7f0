package dev.reelforge.testkit.publish.stub;

import dev.reelforge.testkit.stub.StubHttpServer;
import dev.reelforge.testkit.stub.StubHttpServer.Reply;
import dev.reelforge.testkit.stub.StubHttpServer.Request;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * YouTube's resumable upload (Data API v3) as Google documents it, on a loopback server: {@code
 * POST /upload/youtube/v3/videos?uploadType=resumable&part=snippet,status} with a Bearer token (401
 * {@code authError} otherwise), the video resource as JSON (title required, at most 100 characters
 * without {@code <}/{@code >}; description at most 5,000 bytes; tags 500 characters in all;
 * privacyStatus public, unlisted or private), {@code X-Upload-Content-Length} and {@code
 * X-Upload-Content-Type} (video/* or application/octet-stream) → 200 with the session URI in {@code
 * Location}. {@code PUT}s to the session with {@code Content-Range: bytes a-b/SIZE} (every chunk
 * but the last a multiple of 256 KiB) answer {@code 308} with {@code Range: bytes=0-N}, the last
 * one 200 with the video resource; {@code bytes *}/SIZE with no body probes (308, without {@code
 * Range} when nothing arrived, or 200 once complete). An expired session answers 404.
 *
 * <p>Each session start costs {@value #INSERT_COST} quota units of the day's {@link
 * #dailyQuota(int)} (10,000 by default); past it the start answers 403 {@code quotaExceeded} until
 * midnight Pacific time on the stub's clock.
 */
public final class YouTubeStub implements AutoCloseable {

  /** Every chunk but the last is a multiple of this. */
  public static final int CHUNK_UNIT = 256 * 1024;

  /** The quota cost of {@code videos.insert} in YouTube's quota table. */
  public static final int INSERT_COST = 1_600;

  public static final ZoneId QUOTA_DAY = ZoneId.of("America/Los_Angeles");

  static final String PATH = "/upload/youtube/v3/videos";

  private static final Set<String> PRIVACY = Set.of("public", "unlisted", "private");

  /** A video YouTube created: its id, the metadata sent, and the bytes assembled. */
  public record Video(String id, JsonNode metadata, byte[] bytes, String contentType) {}

  private enum ChunkFault {
    SERVER_ERROR,
    DROP
  }

  private static final class Session {
    final String id;
    final long size;
    final String contentType;
    final JsonNode metadata;
    final Instant openedAt;
    final ByteArrayOutputStream received = new ByteArrayOutputStream();
    volatile boolean expired;
    volatile Video video;

    Session(String id, long size, String contentType, JsonNode metadata, Instant openedAt) {
      this.id = id;
      this.size = size;
      this.contentType = contentType;
      this.metadata = metadata;
      this.openedAt = openedAt;
    }
  }

  private final StubHttpServer server = new StubHttpServer();
  private final String accessToken;
  private volatile java.util.function.Predicate<String> alsoAccepted = token -> false;
  private final Clock clock;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final List<Video> videos = new CopyOnWriteArrayList<>();
  private final Map<Integer, ChunkFault> chunkFaults = new ConcurrentHashMap<>();
  private final AtomicInteger chunkPuts = new AtomicInteger();
  private final AtomicInteger probes = new AtomicInteger();
  private final AtomicInteger sessionsOpened = new AtomicInteger();
  private volatile Duration sessionLifetime = Duration.ofDays(7);
  private volatile int dailyQuota = 10_000;
  private volatile Duration chunkDelay = Duration.ZERO;
  private volatile boolean uploadLimitReached;
  private final Map<LocalDate, Integer> quotaUsed = new HashMap<>();

  /** A stub accepting {@code Authorization: Bearer accessToken}, its days on {@code clock}. */
  public YouTubeStub(String accessToken, Clock clock) {
    this.accessToken = accessToken;
    this.clock = clock;
    server.route("POST", PATH, this::open).route("PUT", PATH, this::put);
  }

  /** {@code http://127.0.0.1:port}: the adapter's base URL. */
  public String baseUrl() {
    return server.baseUrl();
  }

  public StubHttpServer server() {
    return server;
  }

  /** Videos created: one per completed upload. The number that says nothing was posted twice. */
  public int videosCreated() {
    return videos.size();
  }

  public List<Video> videos() {
    return List.copyOf(videos);
  }

  /** Upload sessions opened. */
  public int sessionsOpened() {
    return sessionsOpened.get();
  }

  /** {@code PUT}s that carried bytes. */
  public int chunkPuts() {
    return chunkPuts.get();
  }

  /** Status probes ({@code Content-Range: bytes *}/SIZE). */
  public int probes() {
    return probes.get();
  }

  /**
   * The {@code n}th chunk {@code PUT} (1-based, over the stub's life) answers 503, keeping nothing.
   */
  public YouTubeStub failChunk(int n) {
    chunkFaults.put(n, ChunkFault.SERVER_ERROR);
    return this;
  }

  /**
   * The {@code n}th chunk {@code PUT} keeps the first half of its bytes, then the connection drops
   * without an answer (as a network failure mid-chunk does).
   */
  public YouTubeStub dropConnectionInChunk(int n) {
    chunkFaults.put(n, ChunkFault.DROP);
    return this;
  }

  /**
   * Each chunk {@code PUT} is answered only after {@code delay}, as over a slow uplink: gives a
   * test time to kill the uploader mid-upload.
   */
  public YouTubeStub chunkDelay(Duration delay) {
    this.chunkDelay = delay;
    return this;
  }

  /**
   * Also accepts the bearer tokens {@code valid} says are good: those an OAuth stub issued, as
   * Google's API accepts the tokens Google's token endpoint issued.
   */
  public YouTubeStub alsoAccept(java.util.function.Predicate<String> valid) {
    this.alsoAccepted = valid;
    return this;
  }

  /** Every session opened so far answers 404 from now on, as YouTube's do after about a week. */
  public YouTubeStub expireSessions() {
    sessions.values().forEach(s -> s.expired = true);
    return this;
  }

  /** How long a session lives on the stub's clock (a week by default). */
  public YouTubeStub sessionLifetime(Duration lifetime) {
    this.sessionLifetime = lifetime;
    return this;
  }

  /** The day's quota in units (10,000 by default; each upload costs {@value #INSERT_COST}). */
  public YouTubeStub dailyQuota(int units) {
    this.dailyQuota = units;
    return this;
  }

  /** Spends what is left of today's quota (Pacific time on the stub's clock). */
  public YouTubeStub exhaustQuota() {
    synchronized (quotaUsed) {
      quotaUsed.put(today(), dailyQuota);
    }
    return this;
  }

  /** Whether the channel has reached its upload limit: starts answer 400 uploadLimitExceeded. */
  public YouTubeStub uploadLimitReached(boolean reached) {
    this.uploadLimitReached = reached;
    return this;
  }

  private Reply open(Request request) {
    String authorization = String.valueOf(request.header("Authorization"));
    if (!("Bearer " + accessToken).equals(authorization)
        && !(authorization.startsWith("Bearer ")
            && alsoAccepted.test(authorization.substring("Bearer ".length())))) {
      return error(
          401,
          "authError",
          "global",
          "Request had invalid authentication credentials. Expected OAuth 2 access token.");
    }
    Map<String, String> query = query(request.query());
    if (!"resumable".equals(query.get("uploadType"))) {
      return error(400, "invalidParameter", "global", "uploadType must be resumable here");
    }
    List<String> parts = Arrays.asList(query.getOrDefault("part", "").split(","));
    if (!parts.contains("snippet") || !parts.contains("status")) {
      return error(400, "invalidPart", "youtube.part", "part must name snippet and status");
    }
    long size;
    try {
      size = Long.parseLong(String.valueOf(request.header("X-Upload-Content-Length")));
    } catch (NumberFormatException e) {
      return error(400, "badRequest", "global", "X-Upload-Content-Length is required");
    }
    String type = String.valueOf(request.header("X-Upload-Content-Type"));
    if (size <= 0 || !(type.startsWith("video/") || type.equals("application/octet-stream"))) {
      return error(400, "badContent", "youtube.video", "the media type or size is not accepted");
    }
    JsonNode body = StubJson.read(request.body());
    String problem = body == null ? "the body is not a video resource" : metadataProblem(body);
    if (problem != null) {
      String reason = problem.split(":")[0];
      return error(400, reason, "youtube.video", problem);
    }
    if (uploadLimitReached) {
      return error(
          400,
          "uploadLimitExceeded",
          "youtube.video",
          "The user has exceeded the number of videos they may upload.");
    }
    synchronized (quotaUsed) {
      int used = quotaUsed.getOrDefault(today(), 0);
      if (used + INSERT_COST > dailyQuota) {
        return error(
            403,
            "quotaExceeded",
            "youtube.quota",
            "The request cannot be completed because you have exceeded your quota.");
      }
      quotaUsed.put(today(), used + INSERT_COST);
    }
    String id = UUID.randomUUID().toString().replace("-", "");
    sessions.put(id, new Session(id, size, type, body, clock.instant()));
    sessionsOpened.incrementAndGet();
    return new Reply(200, "text/plain", new byte[0], Map.of())
        .withHeader("Location", baseUrl() + PATH + "?uploadType=resumable&upload_id=" + id);
  }

  private Reply put(Request request) {
    Session session = sessions.get(query(request.query()).getOrDefault("upload_id", ""));
    if (session == null
        || session.expired
        || clock.instant().isAfter(session.openedAt.plus(sessionLifetime))) {
      return error(404, "notFound", "global", "the upload session does not exist or has expired");
    }
    ContentRange range = ContentRange.parse(request.header("Content-Range"));
    if (range == null || range.total() != session.size) {
      return error(400, "badRequest", "global", "Content-Range must be bytes a-b/" + session.size);
    }
    if (!range.probe() && chunkDelay.isPositive()) {
      try {
        Thread.sleep(chunkDelay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (session) {
      if (range.probe()) {
        probes.incrementAndGet();
        return state(session);
      }
      if (request.body().length != range.length()) {
        return error(400, "badRequest", "global", "the body's length differs from Content-Range");
      }
      ChunkFault fault = chunkFaults.remove(chunkPuts.incrementAndGet());
      if (session.video != null) {
        return state(session);
      }
      boolean last = range.last() == session.size - 1;
      if (!last && range.length() % CHUNK_UNIT != 0) {
        return error(
            400, "badRequest", "global", "every chunk but the last must be a multiple of 256 KiB");
      }
      long held = session.received.size();
      if (range.first() > held) {
        // A gap: YouTube keeps what it holds and says so; the client must resume from there.
        return state(session);
      }
      if (fault == ChunkFault.SERVER_ERROR) {
        return error(503, "backendError", "global", "Backend Error");
      }
      int skip = (int) (held - range.first());
      int take = request.body().length - skip;
      if (fault == ChunkFault.DROP) {
        session.received.write(request.body(), skip, Math.max(0, take / 2));
        throw new DroppedConnection();
      }
      if (take > 0) {
        session.received.write(request.body(), skip, take);
      }
      if (session.received.size() == session.size) {
        Video video = video(session);
        session.video = video;
        videos.add(video);
      }
      return state(session);
    }
  }

  /** 308 with what is held, or the video once complete. */
  private Reply state(Session session) {
    if (session.video != null) {
      return Reply.json(200, StubJson.write(resource(session)));
    }
    Reply incomplete = new Reply(308, "text/plain", new byte[0], Map.of());
    long held = session.received.size();
    return held == 0 ? incomplete : incomplete.withHeader("Range", "bytes=0-" + (held - 1));
  }

  private static Video video(Session session) {
    byte[] id = new byte[8];
    ThreadLocalRandom.current().nextBytes(id);
    String videoId = Base64.getUrlEncoder().withoutPadding().encodeToString(id).substring(0, 11);
    return new Video(
        videoId, session.metadata, session.received.toByteArray(), session.contentType);
  }

  private ObjectNode resource(Session session) {
    ObjectNode root = StubJson.object();
    root.put("kind", "youtube#video");
    root.put("etag", UUID.randomUUID().toString());
    root.put("id", session.video.id());
    ObjectNode snippet = root.putObject("snippet");
    snippet.put("publishedAt", clock.instant().toString());
    snippet.put("channelId", "UCstubchannel0000000000");
    snippet.set("title", session.metadata.path("snippet").path("title"));
    snippet.put("description", session.metadata.path("snippet").path("description").asString(""));
    ObjectNode status = root.putObject("status");
    status.put("uploadStatus", "uploaded");
    status.put("privacyStatus", session.metadata.path("status").path("privacyStatus").asString());
    status.put(
        "selfDeclaredMadeForKids",
        session.metadata.path("status").path("selfDeclaredMadeForKids").asBoolean(false));
    return root;
  }

  /** The documented metadata rules; null when the resource passes. */
  private static String metadataProblem(JsonNode body) {
    JsonNode snippet = body.path("snippet");
    String title = snippet.path("title").asString("");
    if (title.isBlank()) {
      return "invalidTitle: the title is required";
    }
    if (title.codePointCount(0, title.length()) > 100
        || title.contains("<")
        || title.contains(">")) {
      return "invalidTitle: at most 100 characters, without < or >";
    }
    String description = snippet.path("description").asString("");
    if (description.getBytes(StandardCharsets.UTF_8).length > 5_000
        || description.contains("<")
        || description.contains(">")) {
      return "invalidDescription: at most 5000 bytes, without < or >";
    }
    int tagChars = 0;
    for (JsonNode tag : snippet.path("tags")) {
      String text = tag.asString("");
      tagChars += text.length() + (text.contains(" ") ? 2 : 0) + 1;
    }
    if (tagChars - 1 > 500) {
      return "invalidTags: the tags exceed 500 characters";
    }
    if (!PRIVACY.contains(body.path("status").path("privacyStatus").asString("public"))) {
      return "invalidVideoMetadata: privacyStatus must be public, unlisted or private";
    }
    return null;
  }

  private LocalDate today() {
    return clock.instant().atZone(QUOTA_DAY).toLocalDate();
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> values = new HashMap<>();
    if (raw == null) {
      return values;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        values.put(
            pair.substring(0, eq),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return values;
  }

  /** Google's error envelope. */
  static Reply error(int status, String reason, String domain, String message) {
    ObjectNode root = StubJson.object();
    ObjectNode error = root.putObject("error");
    error.put("code", status);
    error.put("message", message);
    ObjectNode first = error.putArray("errors").addObject();
    first.put("message", message);
    first.put("domain", domain);
    first.put("reason", reason);
    return Reply.json(status, StubJson.write(root));
  }

  @Override
  public void close() {
    server.close();
  }
}
