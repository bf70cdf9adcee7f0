package dev.reelforge.testkit.publish.stub;

import static dev.reelforge.testkit.publish.stub.GraphStubs.VERSION_PATH;

import dev.reelforge.testkit.publish.stub.GraphStubs.DroppedConnection;
import dev.reelforge.testkit.stub.StubHttpServer;
import dev.reelforge.testkit.stub.StubHttpServer.Reply;
import dev.reelforge.testkit.stub.StubHttpServer.Request;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * Instagram's content publishing API for one professional account, as Meta documents it, on a
 * loopback server: {@code POST /{version}/{ig-user-id}/media} (REELS only; the stub really fetches
 * {@code video_url} and checks it is an MP4), containers polled at {@code GET /{container-id}}
 * (IN_PROGRESS, then FINISHED after {@link #pollsToFinish}; EXPIRED 24 hours after creation),
 * {@code POST /{ig-user-id}/media_publish} (refused before FINISHED, and past the rolling 24-hour
 * cap with code 9, subcode 2207042), {@code GET /{ig-user-id}/content_publishing_limit}, {@code GET
 * /{ig-user-id}/media} (newest first) and {@code GET /{media-id}} with its permalink. Every call
 * needs {@code Authorization: Bearer <token>}.
 *
 * <p>{@link #published()} counts posts actually made: the number a test of "never posts twice"
 * reads.
 */
public final class InstagramStub implements AutoCloseable {

  private enum Fate {
    FINISH,
    ERROR,
    EXPIRE
  }

  private static final class Container {
    final String id;
    final Instant createdAt;
    final String caption;
    final long fetchedBytes;
    volatile String status = "IN_PROGRESS";
    volatile String mediaId = "";
    final Fate fate;
    final String reason;
    int polls;

    Container(String id, Instant createdAt, String caption, long bytes, Fate fate, String reason) {
      this.id = id;
      this.createdAt = createdAt;
      this.caption = caption;
      this.fetchedBytes = bytes;
      this.fate = fate;
      this.reason = reason;
    }
  }

  /** A post on the account, by the API or made earlier. */
  private record Media(String id, String caption, Instant at, boolean viaApi) {
    String permalink() {
      return "https://www.instagram.com/reel/C" + id.substring(Math.max(0, id.length() - 9)) + "/";
    }
  }

  private static final AtomicLong NEXT_ID = new AtomicLong(17_895_695_668_004_550L);

  private final StubHttpServer server = new StubHttpServer();
  private final HttpClient fetcher = HttpClient.newHttpClient();
  private final String userId;
  private final String token;
  private final Clock clock;
  private final Map<String, Container> containers = new ConcurrentHashMap<>();
  private final List<Media> media = new CopyOnWriteArrayList<>();
  private final List<String> errorReasons = new CopyOnWriteArrayList<>();
  private final AtomicInteger failCalls = new AtomicInteger();
  private final AtomicInteger loseAnswers = new AtomicInteger();
  private final AtomicInteger expireContainers = new AtomicInteger();
  private final AtomicInteger publishRequests = new AtomicInteger();
  private final AtomicInteger fetches = new AtomicInteger();
  private volatile int cap = 100;
  private volatile int pollsToFinish = 2;
  private volatile boolean tokenExpired;

  /** The account {@code igUserId}, reached with {@code accessToken}, on {@code clock}. */
  public InstagramStub(String igUserId, String accessToken, Clock clock) {
    this.userId = igUserId;
    this.token = accessToken;
    this.clock = clock;
    server
        .route("POST", VERSION_PATH + "/([^/]+)/media", this::create)
        .route("POST", VERSION_PATH + "/([^/]+)/media_publish", this::publish)
        .route("GET", VERSION_PATH + "/([^/]+)/content_publishing_limit", this::limit)
        .route("GET", VERSION_PATH + "/([^/]+)/media", this::list)
        .route("GET", VERSION_PATH + "/([^/]+)", this::node);
  }

  /** {@code http://127.0.0.1:port}: the publisher's base URL. */
  public String baseUrl() {
    return server.baseUrl();
  }

  public StubHttpServer server() {
    return server;
  }

  /** Posts published through the API (earlier posts not included). */
  public int published() {
    return (int) media.stream().filter(Media::viaApi).count();
  }

  /** {@code media_publish} requests received, refused ones included. */
  public int publishRequests() {
    return publishRequests.get();
  }

  public int containersCreated() {
    return containers.size();
  }

  /** How many times the stub fetched a {@code video_url}. */
  public int fetches() {
    return fetches.get();
  }

  /** The bytes fetched for {@code containerId}'s video. */
  public long fetchedBytes(String containerId) {
    Container c = containers.get(containerId);
    return c == null ? -1 : c.fetchedBytes;
  }

  /** The caption of the newest API post, empty when none. */
  public String lastCaption() {
    return media.stream()
        .filter(Media::viaApi)
        .max(Comparator.comparing(Media::at))
        .map(Media::caption)
        .orElse("");
  }

  /** The rolling 24-hour cap on API-published posts (100 by default; Meta has documented 50). */
  public InstagramStub cap(int posts) {
    this.cap = posts;
    return this;
  }

  /** Status polls before a container is FINISHED (2 by default). */
  public InstagramStub pollsToFinish(int polls) {
    this.pollsToFinish = Math.max(1, polls);
    return this;
  }

  /** The next {@code n} calls of any kind answer 500 (code 2, transient) and do nothing. */
  public InstagramStub failNextCalls(int n) {
    failCalls.addAndGet(n);
    return this;
  }

  /** The next {@code n} publishes happen, but the connection drops before the answer. */
  public InstagramStub loseNextPublishAnswers(int n) {
    loseAnswers.addAndGet(n);
    return this;
  }

  /** The next {@code n} containers end in ERROR with {@code reason} as their status. */
  public InstagramStub failNextContainers(int n, String reason) {
    for (int i = 0; i < n; i++) {
      errorReasons.add(reason);
    }
    return this;
  }

  /** The next {@code n} containers are EXPIRED when first polled (as if 24 hours went by). */
  public InstagramStub expireNextContainers(int n) {
    expireContainers.addAndGet(n);
    return this;
  }

  /** From now on the token is refused as expired (code 190, subcode 463). */
  public InstagramStub expireToken() {
    tokenExpired = true;
    return this;
  }

  /** {@code n} API posts made at {@code at}, counting against the cap. */
  public InstagramStub postedEarlier(int n, Instant at) {
    for (int i = 0; i < n; i++) {
      media.add(new Media(String.valueOf(NEXT_ID.incrementAndGet()), "earlier " + i, at, false));
    }
    return this;
  }

  private Reply guard(Request request) {
    Reply refused = GraphStubs.checkToken(request, "Bearer", token, tokenExpired);
    if (refused != null) {
      return refused;
    }
    if (GraphStubs.take(failCalls)) {
      return GraphStubs.unavailable();
    }
    if (!request.groups().getFirst().equals(userId)
        && !containers.containsKey(request.groups().getFirst())
        && media.stream().noneMatch(m -> m.id().equals(request.groups().getFirst()))) {
      return GraphStubs.noSuchObject(request.groups().getFirst());
    }
    return null;
  }

  private Reply create(Request request) {
    Reply refused = guard(request);
    if (refused != null) {
      return refused;
    }
    Map<String, String> params = GraphStubs.params(request);
    if (!"REELS".equals(params.get("media_type"))) {
      return GraphStubs.invalidParameter(
          "media_type must be REELS for a reel (VIDEO is deprecated)");
    }
    String url = params.getOrDefault("video_url", "");
    if (url.isBlank()) {
      return GraphStubs.invalidParameter("The parameter video_url is required");
    }
    String caption = params.getOrDefault("caption", "");
    if (caption.codePointCount(0, caption.length()) > 2200) {
      return GraphStubs.invalidParameter("The caption is longer than 2200 characters");
    }
    if (caption.split("#", -1).length - 1 > 30) {
      return GraphStubs.invalidParameter("The caption has more than 30 hashtags");
    }
    String share = params.getOrDefault("share_to_feed", "true");
    if (!share.equals("true") && !share.equals("false")) {
      return GraphStubs.invalidParameter("share_to_feed must be true or false");
    }
    long bytes = fetch(url);
    Fate fate = Fate.FINISH;
    String reason = "";
    if (bytes < 0) {
      fate = Fate.ERROR;
      reason =
          "ERROR: Media download has failed. The media URI doesn't meet our requirements."
              + " (2207026)";
    } else if (!errorReasons.isEmpty()) {
      fate = Fate.ERROR;
      reason = errorReasons.removeFirst();
    } else if (GraphStubs.take(expireContainers)) {
      fate = Fate.EXPIRE;
    }
    String id = String.valueOf(NEXT_ID.incrementAndGet());
    containers.put(id, new Container(id, clock.instant(), caption, bytes, fate, reason));
    ObjectNode body = GraphStubs.object();
    body.put("id", id);
    return GraphStubs.ok(body);
  }

  /** The size of what {@code url} serves when it is an MP4, else -1. */
  private long fetch(String url) {
    fetches.incrementAndGet();
    try {
      HttpResponse<byte[]> answer =
          fetcher.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
      byte[] body = answer.body();
      boolean mp4 =
          body.length > 12
              && new String(body, 4, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("ftyp");
      return answer.statusCode() == 200 && mp4 ? body.length : -1;
    } catch (IOException | IllegalArgumentException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private Reply publish(Request request) {
    Reply refused = guard(request);
    if (refused != null) {
      return refused;
    }
    publishRequests.incrementAndGet();
    String id = GraphStubs.params(request).getOrDefault("creation_id", "");
    Container container = containers.get(id);
    if (container == null) {
      return GraphStubs.noSuchObject(id);
    }
    synchronized (container) {
      expireIfDue(container);
      switch (container.status) {
        case "IN_PROGRESS" -> {
          return GraphStubs.error(
              400,
              9007,
              2207027,
              "OAuthException",
              "Media ID is not available",
              "The media is not ready for publishing, please wait for a moment");
        }
        case "PUBLISHED" -> {
          return GraphStubs.invalidParameter(
              "The media in container " + id + " is already published");
        }
        case "ERROR", "EXPIRED" -> {
          return GraphStubs.invalidParameter(
              "Container " + id + " cannot be published: " + container.status);
        }
        default -> {
          // FINISHED: publish below.
        }
      }
      if (usedInWindow() >= cap) {
        return GraphStubs.error(
            400,
            9,
            2207042,
            "OAuthException",
            "Application request limit reached",
            "You reached maximum number of posts that is allowed to be published by Content"
                + " Publishing API.");
      }
      Media post =
          new Media(
              String.valueOf(NEXT_ID.incrementAndGet()), container.caption, clock.instant(), true);
      media.add(post);
      container.status = "PUBLISHED";
      container.mediaId = post.id();
      if (GraphStubs.take(loseAnswers)) {
        throw new DroppedConnection();
      }
      ObjectNode body = GraphStubs.object();
      body.put("id", post.id());
      return GraphStubs.ok(body);
    }
  }

  private int usedInWindow() {
    Instant since = clock.instant().minus(Duration.ofHours(24));
    return (int) media.stream().filter(m -> m.at().isAfter(since)).count();
  }

  private Reply limit(Request request) {
    Reply refused = guard(request);
    if (refused != null) {
      return refused;
    }
    ObjectNode body = GraphStubs.object();
    ObjectNode entry = body.putArray("data").addObject();
    entry.put("quota_usage", usedInWindow());
    ObjectNode config = entry.putObject("config");
    config.put("quota_total", cap);
    config.put("quota_duration", 86_400);
    return GraphStubs.ok(body);
  }

  private Reply list(Request request) {
    Reply refused = guard(request);
    if (refused != null) {
      return refused;
    }
    int limit = Integer.parseInt(GraphStubs.params(request).getOrDefault("limit", "25"));
    List<Media> newest = new ArrayList<>(media);
    newest.sort(Comparator.comparing(Media::at).reversed());
    ObjectNode body = GraphStubs.object();
    ArrayNode data = body.putArray("data");
    newest.stream().limit(limit).forEach(m -> data.add(describe(m)));
    body.putObject("paging");
    return GraphStubs.ok(body);
  }

  private Reply node(Request request) {
    Reply refused = guard(request);
    if (refused != null) {
      return refused;
    }
    String id = request.groups().getFirst();
    Container container = containers.get(id);
    if (container != null) {
      synchronized (container) {
        expireIfDue(container);
        if (container.status.equals("IN_PROGRESS")) {
          container.polls++;
          if (container.fate == Fate.EXPIRE) {
            container.status = "EXPIRED";
          } else if (container.polls >= pollsToFinish) {
            container.status = container.fate == Fate.ERROR ? "ERROR" : "FINISHED";
          }
        }
        ObjectNode body = GraphStubs.object();
        body.put("status_code", container.status);
        body.put(
            "status",
            switch (container.status) {
              case "ERROR" -> container.reason;
              case "FINISHED" -> "Finished: Media has been uploaded and it is complete.";
              case "EXPIRED" -> "Expired: the container was not published within 24 hours.";
              case "PUBLISHED" -> "Published: Media has been published.";
              default -> "In Progress: Media is still being processed.";
            });
        body.put("id", id);
        return GraphStubs.ok(body);
      }
    }
    return media.stream()
        .filter(m -> m.id().equals(id))
        .findFirst()
        .map(m -> GraphStubs.ok(describe(m)))
        .orElseGet(() -> GraphStubs.noSuchObject(id));
  }

  private void expireIfDue(Container container) {
    boolean open = container.status.equals("IN_PROGRESS") || container.status.equals("FINISHED");
    if (open && !clock.instant().isBefore(container.createdAt.plus(Duration.ofHours(24)))) {
      container.status = "EXPIRED";
    }
  }

  private static ObjectNode describe(Media m) {
    ObjectNode node = GraphStubs.object();
    node.put("id", m.id());
    node.put("caption", m.caption());
    node.put("timestamp", GraphStubs.time(m.at()));
    node.put("media_type", "VIDEO");
    node.put("media_product_type", "REELS");
    node.put("permalink", m.permalink());
    return node;
  }

  @Override
  public void close() {
    server.close();
  }
}
