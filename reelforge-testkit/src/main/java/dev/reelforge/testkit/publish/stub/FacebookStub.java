package dev.reelforge.testkit.publish.stub;

import static dev.reelforge.testkit.publish.stub.GraphStubs.VERSION_PATH;

import dev.reelforge.testkit.publish.stub.GraphStubs.DroppedConnection;
import dev.reelforge.testkit.stub.StubHttpServer;
import dev.reelforge.testkit.stub.StubHttpServer.Reply;
import dev.reelforge.testkit.stub.StubHttpServer.Request;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Facebook's Reels Publishing API for one Page, as Meta documents it, on a loopback server that
 * also stands in for the upload host: {@code POST /{version}/{page-id}/video_reels} with {@code
 * upload_phase=start} (answers {@code video_id} and an {@code upload_url} on this server) and
 * {@code finish} (needs every byte; enforces the Page's cap on reels per rolling 24 hours), {@code
 * POST /video-upload/{version}/{video-id}} with {@code Authorization: OAuth <token>}, {@code
 * offset} and {@code file_size} (an offset other than the bytes held is refused), {@code GET
 * /{video-id}?fields=status} with its {@code uploading_phase.bytes_transferred}, {@code
 * processing_phase} and {@code publishing_phase} (published after {@link #pollsToPublish} polls
 * following the finish), and {@code GET /{page-id}/video_reels} (newest first). Graph calls need
 * {@code Authorization: Bearer <token>}.
 *
 * <p>{@link #published()} counts reels that went live: the number a test of "never posts twice"
 * reads.
 */
public final class FacebookStub implements AutoCloseable {

  private static final class Video {
    final String id;
    final Instant createdAt;
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    long fileSize = -1;
    boolean finished;
    Instant finishedAt;
    String description = "";
    String title = "";
    int polls;
    String processingError = "";
    boolean live;

    Video(String id, Instant createdAt) {
      this.id = id;
      this.createdAt = createdAt;
    }
  }

  private static final AtomicLong NEXT_ID = new AtomicLong(1_234_567_890_123_000L);

  private final StubHttpServer server = new StubHttpServer();
  private final String pageId;
  private final String token;
  private final Clock clock;
  private final Map<String, Video> videos = new ConcurrentHashMap<>();
  private final List<Instant> earlierReels = new CopyOnWriteArrayList<>();
  private final List<String> processingErrors = new CopyOnWriteArrayList<>();
  private final AtomicInteger failCalls = new AtomicInteger();
  private final AtomicInteger failUploads = new AtomicInteger();
  private final AtomicInteger loseFinishAnswers = new AtomicInteger();
  private final AtomicInteger starts = new AtomicInteger();
  private final AtomicInteger finishRequests = new AtomicInteger();
  private final AtomicInteger uploadRequests = new AtomicInteger();
  private volatile long dropUploadAfter = -1;
  private volatile int cap = 30;
  private volatile int pollsToPublish = 2;
  private volatile boolean tokenExpired;

  /** The Page {@code pageId}, reached with its Page token {@code pageToken}, on {@code clock}. */
  public FacebookStub(String pageId, String pageToken, Clock clock) {
    this.pageId = pageId;
    this.token = pageToken;
    this.clock = clock;
    server
        .route("POST", VERSION_PATH + "/([^/]+)/video_reels", this::reels)
        .route("GET", VERSION_PATH + "/([^/]+)/video_reels", this::list)
        .route("POST", "/video-upload/(v\\d+\\.\\d+)/([^/]+)", this::upload)
        .route("GET", VERSION_PATH + "/([^/]+)", this::status);
  }

  /** {@code http://127.0.0.1:port}: both the Graph and the upload base URL. */
  public String baseUrl() {
    return server.baseUrl();
  }

  public StubHttpServer server() {
    return server;
  }

  /** Reels that went live through the API. */
  public int published() {
    return (int) videos.values().stream().filter(v -> v.live).count();
  }

  /** Upload sessions started ({@code upload_phase=start}). */
  public int starts() {
    return starts.get();
  }

  /** {@code upload_phase=finish} requests received, refused ones included. */
  public int finishRequests() {
    return finishRequests.get();
  }

  /** Upload requests received, refused and dropped ones included. */
  public int uploadRequests() {
    return uploadRequests.get();
  }

  /** The bytes the upload host holds for {@code videoId} (empty for an unknown video). */
  public byte[] uploaded(String videoId) {
    Video v = videos.get(videoId);
    if (v == null) {
      return new byte[0];
    }
    synchronized (v) {
      return v.bytes.toByteArray();
    }
  }

  /** The description the reel was published with. */
  public String description(String videoId) {
    Video v = videos.get(videoId);
    return v == null ? "" : v.description;
  }

  public String title(String videoId) {
    Video v = videos.get(videoId);
    return v == null ? "" : v.title;
  }

  /** The Page's cap on reels per rolling 24 hours (30, documented). */
  public FacebookStub cap(int reels) {
    this.cap = reels;
    return this;
  }

  /** Status polls after the finish before the reel is live (2 by default). */
  public FacebookStub pollsToPublish(int polls) {
    this.pollsToPublish = Math.max(1, polls);
    return this;
  }

  /** The next {@code n} Graph calls (not uploads) answer 500 (code 2, transient) and do nothing. */
  public FacebookStub failNextCalls(int n) {
    failCalls.addAndGet(n);
    return this;
  }

  /** The next {@code n} upload requests answer 500 and keep nothing. */
  public FacebookStub failNextUploads(int n) {
    failUploads.addAndGet(n);
    return this;
  }

  /**
   * The next upload request keeps its first {@code bytes} bytes, then the connection drops before
   * the answer.
   */
  public FacebookStub dropNextUploadAfter(long bytes) {
    this.dropUploadAfter = bytes;
    return this;
  }

  /** The next {@code n} finishes are received, but the connection drops before the answer. */
  public FacebookStub loseNextFinishAnswers(int n) {
    loseFinishAnswers.addAndGet(n);
    return this;
  }

  /** The next {@code n} finished reels fail processing with {@code message}. */
  public FacebookStub failNextProcessing(int n, String message) {
    for (int i = 0; i < n; i++) {
      processingErrors.add(message);
    }
    return this;
  }

  /** From now on the token is refused as expired (code 190, subcode 463). */
  public FacebookStub expireToken() {
    tokenExpired = true;
    return this;
  }

  /** {@code n} reels published at {@code at}, counting against the cap. */
  public FacebookStub publishedEarlier(int n, Instant at) {
    for (int i = 0; i < n; i++) {
      earlierReels.add(at);
    }
    return this;
  }

  private Reply guard(Request request, String scheme) {
    Reply refused = GraphStubs.checkToken(request, scheme, token, tokenExpired);
    if (refused != null) {
      return refused;
    }
    if (!scheme.equals("OAuth") && GraphStubs.take(failCalls)) {
      return GraphStubs.unavailable();
    }
    return null;
  }

  private Reply reels(Request request) {
    Reply refused = guard(request, "Bearer");
    if (refused != null) {
      return refused;
    }
    if (!request.groups().getFirst().equals(pageId)) {
      return GraphStubs.noSuchObject(request.groups().getFirst());
    }
    Map<String, String> params = GraphStubs.params(request);
    return switch (params.getOrDefault("upload_phase", "")) {
      case "start" -> start();
      case "finish" -> finish(params);
      default -> GraphStubs.invalidParameter("upload_phase must be start or finish");
    };
  }

  private Reply start() {
    starts.incrementAndGet();
    String id = String.valueOf(NEXT_ID.incrementAndGet());
    videos.put(id, new Video(id, clock.instant()));
    ObjectNode body = GraphStubs.object();
    body.put("video_id", id);
    body.put("upload_url", baseUrl() + "/video-upload/v21.0/" + id);
    return GraphStubs.ok(body);
  }

  private Reply finish(Map<String, String> params) {
    finishRequests.incrementAndGet();
    Video video = videos.get(params.getOrDefault("video_id", ""));
    if (video == null) {
      return GraphStubs.noSuchObject(params.getOrDefault("video_id", ""));
    }
    if (!"PUBLISHED".equals(params.get("video_state"))) {
      return GraphStubs.invalidParameter("video_state must be PUBLISHED, DRAFT or SCHEDULED");
    }
    synchronized (video) {
      if (video.finished) {
        return GraphStubs.invalidParameter("Video " + video.id + " is already being published");
      }
      if (video.fileSize <= 0 || video.bytes.size() != video.fileSize) {
        return GraphStubs.invalidParameter(
            "The upload of video "
                + video.id
                + " is not complete ("
                + video.bytes.size()
                + " of "
                + video.fileSize
                + " bytes)");
      }
      if (reelsInWindow() >= cap) {
        return GraphStubs.error(
            400,
            9,
            0,
            "OAuthException",
            "Application request limit reached: the Page reached its limit of "
                + cap
                + " API-published reels in 24 hours");
      }
      video.finished = true;
      video.finishedAt = clock.instant();
      video.description = params.getOrDefault("description", "");
      video.title = params.getOrDefault("title", "");
      if (!processingErrors.isEmpty()) {
        video.processingError = processingErrors.removeFirst();
      }
      if (GraphStubs.take(loseFinishAnswers)) {
        throw new DroppedConnection();
      }
    }
    ObjectNode body = GraphStubs.object();
    body.put("success", true);
    return GraphStubs.ok(body);
  }

  private int reelsInWindow() {
    Instant since = clock.instant().minus(Duration.ofHours(24));
    return (int)
        (earlierReels.stream().filter(at -> at.isAfter(since)).count()
            + videos.values().stream()
                .filter(
                    v -> v.finished && v.processingError.isEmpty() && v.finishedAt.isAfter(since))
                .count());
  }

  private Reply upload(Request request) {
    uploadRequests.incrementAndGet();
    Reply refused = guard(request, "OAuth");
    if (refused != null) {
      return refused;
    }
    Video video = videos.get(request.groups().get(1));
    if (video == null) {
      return GraphStubs.noSuchObject(request.groups().get(1));
    }
    long offset;
    long fileSize;
    try {
      offset = Long.parseLong(request.header("offset"));
      fileSize = Long.parseLong(request.header("file_size"));
    } catch (NumberFormatException | NullPointerException e) {
      return GraphStubs.invalidParameter("the offset and file_size headers are required");
    }
    if (GraphStubs.take(failUploads)) {
      return GraphStubs.unavailable();
    }
    synchronized (video) {
      if (video.fileSize >= 0 && video.fileSize != fileSize) {
        return GraphStubs.invalidParameter("file_size changed from " + video.fileSize);
      }
      if (offset != video.bytes.size()) {
        return GraphStubs.invalidParameter(
            "offset " + offset + " does not match the " + video.bytes.size() + " bytes received");
      }
      byte[] body = request.body();
      if (offset + body.length > fileSize) {
        return GraphStubs.invalidParameter("more bytes than file_size");
      }
      video.fileSize = fileSize;
      long drop = dropUploadAfter;
      if (drop >= 0) {
        dropUploadAfter = -1;
        video.bytes.write(body, 0, (int) Math.min(drop, body.length));
        throw new DroppedConnection();
      }
      video.bytes.write(body, 0, body.length);
    }
    ObjectNode answer = GraphStubs.object();
    answer.put("success", true);
    return GraphStubs.ok(answer);
  }

  private Reply status(Request request) {
    Reply refused = guard(request, "Bearer");
    if (refused != null) {
      return refused;
    }
    Video video = videos.get(request.groups().getFirst());
    if (video == null) {
      return GraphStubs.noSuchObject(request.groups().getFirst());
    }
    synchronized (video) {
      boolean uploaded = video.fileSize > 0 && video.bytes.size() == video.fileSize;
      String processing = "not_started";
      String publishing = "not_started";
      String videoStatus = uploaded ? "upload_complete" : "uploading";
      if (video.finished) {
        video.polls++;
        if (!video.processingError.isEmpty()) {
          processing = "error";
          videoStatus = "error";
        } else if (video.polls >= pollsToPublish) {
          processing = "complete";
          publishing = "complete";
          videoStatus = "ready";
          video.live = true;
        } else {
          processing = "in_progress";
          publishing = "in_progress";
          videoStatus = "processing";
        }
      }
      ObjectNode body = GraphStubs.object();
      body.put("id", video.id);
      ObjectNode status = body.putObject("status");
      status.put("video_status", videoStatus);
      ObjectNode up = status.putObject("uploading_phase");
      up.put("status", uploaded ? "complete" : "in_progress");
      up.put("bytes_transferred", video.bytes.size());
      ObjectNode proc = status.putObject("processing_phase");
      proc.put("status", processing);
      if (processing.equals("error")) {
        proc.putArray("errors")
            .addObject()
            .put("code", 1363008)
            .put("message", video.processingError);
      }
      ObjectNode pub = status.putObject("publishing_phase");
      pub.put("status", publishing);
      if (publishing.equals("complete")) {
        pub.put("publish_status", "published");
        pub.put("publish_time", video.finishedAt.getEpochSecond());
      }
      return GraphStubs.ok(body);
    }
  }

  private Reply list(Request request) {
    Reply refused = guard(request, "Bearer");
    if (refused != null) {
      return refused;
    }
    int limit = Integer.parseInt(GraphStubs.params(request).getOrDefault("limit", "25"));
    List<ObjectNode> reels = new ArrayList<>();
    for (Instant at : earlierReels) {
      ObjectNode reel = GraphStubs.object();
      reel.put("id", String.valueOf(NEXT_ID.incrementAndGet()));
      reel.put("created_time", GraphStubs.time(at));
      reels.add(reel);
    }
    for (Video v : videos.values()) {
      if (v.live) {
        ObjectNode reel = GraphStubs.object();
        reel.put("id", v.id);
        reel.put("created_time", GraphStubs.time(v.finishedAt));
        reels.add(reel);
      }
    }
    reels.sort(
        Comparator.comparing((ObjectNode r) -> r.path("created_time").asString()).reversed());
    ObjectNode body = GraphStubs.object();
    ArrayNode data = body.putArray("data");
    reels.stream().limit(limit).forEach(data::add);
    return GraphStubs.ok(body);
  }

  @Override
  public void close() {
    server.close();
  }
}
