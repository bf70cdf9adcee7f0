package dev.reelforge.testkit.publish.stub;

import dev.reelforge.testkit.stub.StubHttpServer;
import dev.reelforge.testkit.stub.StubHttpServer.Reply;
import dev.reelforge.testkit.stub.StubHttpServer.Request;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * TikTok's Content Posting API as its documentation describes it, on a loopback server: {@code POST
 * /v2/post/publish/creator_info/query/} (the account's privacy levels and longest post), {@code
 * /v2/post/publish/video/init/} (direct post: {@code post_info} with a title of at most 2,200
 * characters and a privacy level the account offers, else 400 {@code
 * privacy_level_option_mismatch}) or {@code /v2/post/publish/inbox/video/init/} (a draft), each
 * with {@code source_info} held to the media transfer rules (chunks of 5–64 MB, {@code
 * total_chunk_count} the size over the chunk size rounded down, the last chunk taking the trailing
 * bytes up to 128 MB, a file under 5 MB whole, 1–1,000 chunks); {@code PUT upload_url} with {@code
 * Content-Range}, chunks in order, answered 206 and 201 for the last; {@code
 * /v2/post/publish/status/fetch/} following PROCESSING_UPLOAD to PUBLISH_COMPLETE (or
 * SEND_TO_USER_INBOX) one step per fetch. Every answer carries the envelope {@code
 * {"data":…,"error":{"code","message","log_id"}}}; a wrong token answers 401 {@code
 * access_token_invalid}. Upload URLs live an hour on the stub's clock, then answer 404.
 */
public final class TikTokStub implements AutoCloseable {

  /** The strictest reading of TikTok's "5 MB" and "64 MB" / "128 MB". */
  public static final long MIN_CHUNK = 5L * 1024 * 1024;

  public static final long MAX_CHUNK = 64_000_000L;
  public static final long MAX_LAST_CHUNK = 128_000_000L;

  static final String INIT = "/v2/post/publish/video/init/";
  static final String INBOX_INIT = "/v2/post/publish/inbox/video/init/";

  private static final Set<String> TYPES = Set.of("video/mp4", "video/quicktime", "video/webm");

  /** A post as TikTok holds it. */
  public static final class Publish {
    public final String publishId;
    public final boolean inbox;
    public final JsonNode postInfo;
    public final long size;
    public final long chunkSize;
    public final int chunkCount;
    final String uploadId;
    final Instant expiresAt;
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    volatile int chunksReceived;
    volatile boolean expired;
    volatile int fetchesSinceUpload;
    volatile String failReason;
    volatile String status = "PROCESSING_UPLOAD";
    volatile String postId = "";

    Publish(
        String publishId,
        boolean inbox,
        JsonNode postInfo,
        long size,
        long chunkSize,
        int chunkCount,
        Instant expiresAt) {
      this.publishId = publishId;
      this.inbox = inbox;
      this.postInfo = postInfo;
      this.size = size;
      this.chunkSize = chunkSize;
      this.chunkCount = chunkCount;
      this.uploadId = UUID.randomUUID().toString().replace("-", "");
      this.expiresAt = expiresAt;
    }

    /** The bytes TikTok assembled from the chunks. */
    public synchronized byte[] bytes() {
      return bytes.toByteArray();
    }

    public String status() {
      return status;
    }

    public String privacyLevel() {
      return postInfo.path("privacy_level").asString("");
    }

    public String title() {
      return postInfo.path("title").asString("");
    }
  }

  private enum ChunkFault {
    SERVER_ERROR,
    DROP,
    LOSE_REPLY
  }

  private enum InitFault {
    RATE_LIMITED,
    POST_CAP
  }

  private static final AtomicLong NEXT_POST = new AtomicLong(7_321_000_000_000_000_000L);

  private final StubHttpServer server = new StubHttpServer();
  private final String accessToken;
  private final Clock clock;
  private final Map<String, Publish> publishes = new ConcurrentHashMap<>();
  private final List<Publish> opened = new CopyOnWriteArrayList<>();
  private final Map<Integer, ChunkFault> chunkFaults = new ConcurrentHashMap<>();
  private final Deque<InitFault> initFaults = new ArrayDeque<>();
  private final Deque<String> publishFailures = new ArrayDeque<>();
  private final AtomicInteger chunkPuts = new AtomicInteger();
  private final AtomicInteger posted = new AtomicInteger();
  private volatile List<String> privacyLevels =
      List.of("PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS", "SELF_ONLY");
  private volatile String username = "reelforge.stub";
  private volatile int maxDurationSec = 600;
  private volatile int fetchesToFinish = 2;
  private volatile int retryAfterSeconds = 30;
  private volatile Duration uploadUrlLifetime = Duration.ofHours(1);

  /** A stub accepting {@code Authorization: Bearer accessToken}, its time on {@code clock}. */
  public TikTokStub(String accessToken, Clock clock) {
    this.accessToken = accessToken;
    this.clock = clock;
    server
        .route("POST", "/v2/post/publish/creator_info/query/", this::creatorInfo)
        .route("POST", INIT, r -> init(r, false))
        .route("POST", INBOX_INIT, r -> init(r, true))
        .route("PUT", "/upload/video/", this::chunk)
        .route("POST", "/v2/post/publish/status/fetch/", this::status);
  }

  public String baseUrl() {
    return server.baseUrl();
  }

  public StubHttpServer server() {
    return server;
  }

  /** Posts opened by an init, in order. */
  public List<Publish> publishes() {
    return List.copyOf(opened);
  }

  /** Posts opened by an init. */
  public int initialized() {
    return opened.size();
  }

  /**
   * Posts that reached PUBLISH_COMPLETE or the creator's inbox: the number that says nothing was
   * posted twice.
   */
  public int posted() {
    return posted.get();
  }

  /** Chunk {@code PUT}s received. */
  public int chunkPuts() {
    return chunkPuts.get();
  }

  /** The privacy levels {@code creator_info} offers (all three by default). */
  public TikTokStub privacyLevels(String... levels) {
    this.privacyLevels = List.of(levels);
    return this;
  }

  public TikTokStub creatorUsername(String username) {
    this.username = username;
    return this;
  }

  public TikTokStub maxVideoPostDurationSec(int seconds) {
    this.maxDurationSec = seconds;
    return this;
  }

  /** Status fetches after the upload before the post ends (2 by default: processing, then done). */
  public TikTokStub fetchesToFinish(int fetches) {
    this.fetchesToFinish = Math.max(1, fetches);
    return this;
  }

  /**
   * The {@code n}th chunk {@code PUT} (1-based, over the stub's life) answers 503, keeping nothing.
   */
  public TikTokStub failChunk(int n) {
    chunkFaults.put(n, ChunkFault.SERVER_ERROR);
    return this;
  }

  /** The {@code n}th chunk {@code PUT} keeps nothing and the connection drops without an answer. */
  public TikTokStub dropConnectionInChunk(int n) {
    chunkFaults.put(n, ChunkFault.DROP);
    return this;
  }

  /** The {@code n}th chunk {@code PUT} is kept, but the connection drops before the answer. */
  public TikTokStub loseReplyOfChunk(int n) {
    chunkFaults.put(n, ChunkFault.LOSE_REPLY);
    return this;
  }

  /** Every upload URL handed out so far answers 404 from now on. */
  public TikTokStub expireUploadUrls() {
    opened.forEach(p -> p.expired = true);
    return this;
  }

  /** How long an upload URL lives on the stub's clock (an hour by default). */
  public TikTokStub uploadUrlLifetime(Duration lifetime) {
    this.uploadUrlLifetime = lifetime;
    return this;
  }

  /** The next {@code n} inits answer 429 {@code rate_limit_exceeded} with {@code Retry-After}. */
  public synchronized TikTokStub rateLimitNextInits(int n, int retryAfterSeconds) {
    this.retryAfterSeconds = retryAfterSeconds;
    for (int i = 0; i < n; i++) {
      initFaults.addLast(InitFault.RATE_LIMITED);
    }
    return this;
  }

  /** The next {@code n} inits answer 403 {@code spam_risk_too_many_posts} (the daily cap). */
  public synchronized TikTokStub postCapNextInits(int n) {
    for (int i = 0; i < n; i++) {
      initFaults.addLast(InitFault.POST_CAP);
    }
    return this;
  }

  /** The next {@code n} posts end FAILED with {@code reason} once uploaded. */
  public synchronized TikTokStub failNextPublishes(int n, String reason) {
    for (int i = 0; i < n; i++) {
      publishFailures.addLast(reason);
    }
    return this;
  }

  private Reply creatorInfo(Request request) {
    if (!authorized(request)) {
      return unauthorized();
    }
    ObjectNode data = StubJson.object();
    data.put("creator_avatar_url", baseUrl() + "/avatar.jpg");
    data.put("creator_username", username);
    data.put("creator_nickname", "ReelForge Stub");
    ArrayNode levels = data.putArray("privacy_level_options");
    privacyLevels.forEach(levels::add);
    data.put("comment_disabled", false);
    data.put("duet_disabled", false);
    data.put("stitch_disabled", false);
    data.put("max_video_post_duration_sec", maxDurationSec);
    return ok(data);
  }

  private Reply init(Request request, boolean inbox) {
    if (!authorized(request)) {
      return unauthorized();
    }
    JsonNode body = StubJson.read(request.body());
    if (body == null || !body.isObject()) {
      return error(400, "invalid_params", "the body is not a JSON object");
    }
    JsonNode postInfo = body.path("post_info");
    if (!inbox) {
      if (!postInfo.isObject()) {
        return error(400, "invalid_params", "post_info is required");
      }
      String title = postInfo.path("title").asString("");
      if (title.length() > 2_200) {
        return error(400, "invalid_params", "title exceeds 2200 UTF-16 runes");
      }
      if (!privacyLevels.contains(postInfo.path("privacy_level").asString(""))) {
        return error(
            400,
            "privacy_level_option_mismatch",
            "privacy_level is not among the creator's privacy_level_options");
      }
    }
    JsonNode source = body.path("source_info");
    String problem = sourceProblem(source);
    if (problem != null) {
      return error(400, "invalid_params", problem);
    }
    InitFault fault;
    synchronized (this) {
      fault = initFaults.pollFirst();
    }
    if (fault == InitFault.RATE_LIMITED) {
      return error(429, "rate_limit_exceeded", "API rate limit exceeded")
          .withHeader("Retry-After", String.valueOf(retryAfterSeconds));
    }
    if (fault == InitFault.POST_CAP) {
      return error(403, "spam_risk_too_many_posts", "the daily post cap is reached");
    }
    Publish publish =
        new Publish(
            "v_pub_file~v2-1." + (7_300_000_000_000_000_000L + opened.size() + 1),
            inbox,
            postInfo.isObject() ? postInfo : StubJson.object(),
            source.path("video_size").asLong(),
            source.path("chunk_size").asLong(),
            source.path("total_chunk_count").asInt(),
            clock.instant().plus(uploadUrlLifetime));
    publishes.put(publish.uploadId, publish);
    publishes.put(publish.publishId, publish);
    opened.add(publish);
    ObjectNode data = StubJson.object();
    data.put("publish_id", publish.publishId);
    data.put(
        "upload_url",
        baseUrl()
            + "/upload/video/?upload_id="
            + publish.uploadId
            + "&upload_token=t"
            + publish.uploadId);
    return ok(data);
  }

  /** TikTok's media transfer rules; null when {@code source_info} keeps them. */
  private static String sourceProblem(JsonNode source) {
    if (!"FILE_UPLOAD".equals(source.path("source").asString(""))) {
      return "source_info.source must be FILE_UPLOAD here";
    }
    long size = source.path("video_size").asLong(0);
    long chunk = source.path("chunk_size").asLong(0);
    long count = source.path("total_chunk_count").asLong(0);
    if (size <= 0 || chunk <= 0 || count <= 0) {
      return "video_size, chunk_size and total_chunk_count are required";
    }
    if (size < MIN_CHUNK && (chunk != size || count != 1)) {
      return "a video under 5 MB is uploaded whole: chunk_size = video_size, one chunk";
    }
    if (size >= MIN_CHUNK && (chunk < MIN_CHUNK && chunk != size || chunk > MAX_CHUNK)) {
      return "chunk_size must be between 5 MB and 64 MB";
    }
    if (count != size / chunk) {
      return "total_chunk_count must be video_size / chunk_size rounded down";
    }
    if (count > 1_000) {
      return "at most 1000 chunks";
    }
    if (size > MAX_CHUNK && count < 2) {
      return "a video over 64 MB is uploaded in several chunks";
    }
    if (size - (count - 1) * chunk > MAX_LAST_CHUNK) {
      return "the last chunk may be at most 128 MB";
    }
    return null;
  }

  private Reply chunk(Request request) {
    String uploadId = query(request.query(), "upload_id");
    Publish publish = uploadId == null ? null : publishes.get(uploadId);
    if (publish == null
        || !publish.uploadId.equals(uploadId)
        || publish.expired
        || clock.instant().isAfter(publish.expiresAt)) {
      return error(404, "invalid_params", "the upload URL does not exist or has expired");
    }
    ChunkFault fault = chunkFaults.remove(chunkPuts.incrementAndGet());
    if (!TYPES.contains(String.valueOf(request.header("Content-Type")))) {
      return error(400, "invalid_params", "Content-Type must be video/mp4, quicktime or webm");
    }
    ContentRange range = ContentRange.parse(request.header("Content-Range"));
    if (range == null || range.probe() || range.total() != publish.size) {
      return error(400, "invalid_params", "Content-Range must be bytes a-b/" + publish.size);
    }
    synchronized (publish) {
      if (range.first() % publish.chunkSize != 0) {
        return error(400, "invalid_params", "a chunk starts at a multiple of chunk_size");
      }
      int index = (int) (range.first() / publish.chunkSize);
      long expected =
          index == publish.chunkCount - 1
              ? publish.size - range.first()
              : index < publish.chunkCount ? publish.chunkSize : -1;
      if (range.length() != expected || request.body().length != expected) {
        return error(400, "invalid_params", "chunk " + index + " must hold " + expected + " bytes");
      }
      if (index > publish.chunksReceived) {
        return error(416, "invalid_params", "chunks are uploaded in order");
      }
      if (fault == ChunkFault.SERVER_ERROR) {
        return error(503, "internal_error", "upload failed, try again");
      }
      if (fault == ChunkFault.DROP) {
        throw new DroppedConnection();
      }
      if (index < publish.chunksReceived) {
        byte[] held =
            Arrays.copyOfRange(
                publish.bytes(), (int) range.first(), (int) range.first() + request.body().length);
        if (!Arrays.equals(held, request.body())) {
          return error(400, "invalid_params", "chunk " + index + " differs from the one received");
        }
      } else {
        publish.bytes.write(request.body(), 0, request.body().length);
        publish.chunksReceived++;
      }
      if (fault == ChunkFault.LOSE_REPLY) {
        throw new DroppedConnection();
      }
      boolean complete = publish.chunksReceived == publish.chunkCount;
      return new Reply(complete ? 201 : 206, "application/json", new byte[0], Map.of());
    }
  }

  private Reply status(Request request) {
    if (!authorized(request)) {
      return unauthorized();
    }
    JsonNode body = StubJson.read(request.body());
    Publish publish = body == null ? null : publishes.get(body.path("publish_id").asString(""));
    if (publish == null || !publish.publishId.equals(body.path("publish_id").asString(""))) {
      return error(400, "invalid_params", "publish_id does not exist");
    }
    ObjectNode data = StubJson.object();
    synchronized (publish) {
      if (publish.chunksReceived == publish.chunkCount && publish.status.startsWith("PROCESSING")) {
        publish.fetchesSinceUpload++;
        if (publish.fetchesSinceUpload >= fetchesToFinish) {
          finish(publish);
        }
      }
      data.put("status", publish.status);
      if (publish.failReason != null) {
        data.put("fail_reason", publish.failReason);
      }
      ArrayNode ids = data.putArray("publicaly_available_post_id");
      if (!publish.postId.isEmpty()) {
        ids.add(Long.parseLong(publish.postId));
      }
      data.put("uploaded_bytes", publish.bytes.size());
    }
    return ok(data);
  }

  private void finish(Publish publish) {
    String reason;
    synchronized (this) {
      reason = publishFailures.pollFirst();
    }
    if (reason != null) {
      publish.status = "FAILED";
      publish.failReason = reason;
      return;
    }
    publish.status = publish.inbox ? "SEND_TO_USER_INBOX" : "PUBLISH_COMPLETE";
    if (!publish.inbox && "PUBLIC_TO_EVERYONE".equals(publish.privacyLevel())) {
      // TikTok names only public posts (after moderation).
      publish.postId = String.valueOf(NEXT_POST.incrementAndGet());
    }
    posted.incrementAndGet();
  }

  private boolean authorized(Request request) {
    return ("Bearer " + accessToken).equals(request.header("Authorization"));
  }

  private static Reply unauthorized() {
    return error(
        401, "access_token_invalid", "The access token is invalid or not found in the request.");
  }

  private static String query(String raw, String name) {
    if (raw == null) {
      return null;
    }
    for (String pair : raw.split("&")) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    return null;
  }

  private static Reply ok(ObjectNode data) {
    ObjectNode root = StubJson.object();
    root.set("data", data);
    root.set("error", envelope("ok", ""));
    return Reply.json(200, StubJson.write(root));
  }

  static Reply error(int status, String code, String message) {
    ObjectNode root = StubJson.object();
    root.putObject("data");
    root.set("error", envelope(code, message));
    return Reply.json(status, StubJson.write(root));
  }

  private static ObjectNode envelope(String code, String message) {
    ObjectNode error = StubJson.object();
    error.put("code", code);
    error.put("message", message);
    error.put(
        "log_id",
        "20250101" + UUID.randomUUID().toString().replace("-", "").substring(0, 18).toUpperCase());
    return error;
  }

  @Override
  public void close() {
    server.close();
  }
}
