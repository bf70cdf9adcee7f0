package dev.reelforge.testkit.videogen.stub;

import dev.reelforge.testkit.stub.StubHttpServer;
import dev.reelforge.testkit.stub.StubHttpServer.Reply;
import dev.reelforge.testkit.stub.StubHttpServer.Request;
import dev.reelforge.testkit.videogen.StubClips;
import dev.reelforge.testkit.videogen.stub.StubJobs.Fate;
import dev.reelforge.testkit.videogen.stub.StubJobs.Stage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Luma's Dream Machine API as its documentation describes it, on a loopback server: {@code POST
 * /dream-machine/v1/generations} with {@code Authorization: Bearer KEY} (401 {@code {"detail":…}}
 * otherwise), the documented request checks (400 {@code {"detail":…}}), generations that go queued
 * → dreaming → completed one step per poll, keyframe pictures fetched from their URLs as Luma does
 * (an unreachable one fails the generation with "Failed to read user input frames"), {@code DELETE}
 * to cancel, the Generation posted to {@code callback_url} on every change of state, and the clip
 * served from {@link StubClips} in the asked {@code aspect_ratio} and length. Failures are switched
 * on for the next so many submissions or generations.
 */
public final class LumaStub implements AutoCloseable {

  public static final List<String> MODELS = List.of("ray-1-6", "ray-2", "ray-flash-2");
  private static final List<String> ASPECTS =
      List.of("1:1", "16:9", "9:16", "4:3", "3:4", "21:9", "9:21");
  private static final List<String> RESOLUTIONS = List.of("540p", "720p", "1080p", "4k");

  /** Luma's documented failure reasons. */
  public static final String PROMPT_MODERATION = "Advanced prompt moderation failed";

  public static final String UNREADABLE_FRAMES = "Failed to read user input frames";

  private enum SubmitFault {
    SERVER_ERROR,
    RATE_LIMITED,
    NO_CREDITS
  }

  private static final class Generation extends StubJobs.Job {
    final Instant createdAt;
    final String model;
    final JsonNode request;
    final String callbackUrl;

    Generation(Instant at, JsonNode request, int w, int h, int s, Fate fate, String why, int n) {
      super(UUID.randomUUID().toString(), w, h, s, fate, why, n);
      this.createdAt = at;
      this.model = request.path("model").asString("");
      this.request = request;
      this.callbackUrl = request.path("callback_url").asString("");
    }
  }

  /** A callback as delivered: the generation's state and the receiver's answer. */
  public record Callback(String url, String id, String state, int status) {}

  private final StubHttpServer server = new StubHttpServer();
  private final HttpClient callbacksClient =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final String apiKey;
  private final Clock clock;
  private final StubJobs<Generation> jobs = new StubJobs<>();
  private final Faults<SubmitFault> submitFaults = new Faults<>();
  private final Faults<String> jobFaults = new Faults<>();
  private final List<Callback> callbacks = new CopyOnWriteArrayList<>();
  private final AtomicInteger deletions = new AtomicInteger();
  private volatile int retryAfterSeconds = 1;
  private volatile int pollsToFinish = 2;

  public LumaStub(String apiKey, Clock clock) {
    this.apiKey = apiKey;
    this.clock = clock;
    server
        .route("POST", "/dream-machine/v1/generations", this::create)
        .route("GET", "/dream-machine/v1/generations/([^/]+)", this::get)
        .route("DELETE", "/dream-machine/v1/generations/([^/]+)", this::delete)
        .route("GET", "/luma-cdn/([^/]+)\\.mp4", this::clip);
  }

  public String baseUrl() {
    return server.baseUrl();
  }

  public StubHttpServer server() {
    return server;
  }

  /** Generations Luma accepted so far. */
  public int submissions() {
    return jobs.accepted();
  }

  /** Generations deleted so far. */
  public int deletions() {
    return deletions.get();
  }

  /** Callbacks delivered so far, in order. */
  public List<Callback> callbacks() {
    return List.copyOf(callbacks);
  }

  /** Polls before a generation ends (2 by default: dreaming, then the end). */
  public LumaStub pollsToFinish(int polls) {
    this.pollsToFinish = Math.max(1, polls);
    return this;
  }

  /** The next {@code n} submissions get a 500. */
  public LumaStub failNextSubmits(int n) {
    submitFaults.add(SubmitFault.SERVER_ERROR, n);
    return this;
  }

  /** The next {@code n} submissions get 429 with {@code Retry-After}. */
  public LumaStub rateLimitNextSubmits(int n, int retryAfterSeconds) {
    this.retryAfterSeconds = retryAfterSeconds;
    submitFaults.add(SubmitFault.RATE_LIMITED, n);
    return this;
  }

  /** The next {@code n} submissions find the account out of credits (402). */
  public LumaStub noCreditsForNextSubmits(int n) {
    submitFaults.add(SubmitFault.NO_CREDITS, n);
    return this;
  }

  /** The next {@code n} generations fail their prompt moderation. */
  public LumaStub refuseNextJobs(int n) {
    jobFaults.add(PROMPT_MODERATION, n);
    return this;
  }

  /** The next {@code n} generations end {@code failed} with {@code reason}. */
  public LumaStub failNextJobs(int n, String reason) {
    jobFaults.add(reason, n);
    return this;
  }

  /** The next {@code n} generations never finish. */
  public LumaStub stallNextJobs(int n) {
    jobFaults.add("", n);
    return this;
  }

  /** Moves every generation one step on, as a poll would: for flows driven by callbacks alone. */
  public void advanceAll() {
    for (Generation generation : jobs.all()) {
      step(generation);
    }
  }

  private Reply create(Request request) {
    Reply refused = authorised(request);
    if (refused != null) {
      return refused;
    }
    JsonNode body = StubJson.read(request.body());
    if (body == null || !body.isObject()) {
      return detail(400, "Request body is not a JSON object");
    }
    String problem = LumaChecks.problem(body, MODELS, ASPECTS, RESOLUTIONS);
    if (problem != null) {
      return detail(400, problem);
    }
    SubmitFault fault = submitFaults.next();
    if (fault != null) {
      return switch (fault) {
        case SERVER_ERROR -> detail(500, "Internal server error");
        case RATE_LIMITED ->
            detail(429, "Too many requests")
                .withHeader("Retry-After", String.valueOf(retryAfterSeconds));
        case NO_CREDITS -> detail(402, "Insufficient credits");
      };
    }
    String reason = jobFaults.next();
    if (reason == null && !LumaChecks.keyframesReadable(body)) {
      reason = UNREADABLE_FRAMES;
    }
    Fate fate = reason == null ? Fate.FINISH : reason.isEmpty() ? Fate.STALL : Fate.FAIL;
    String[] shape = body.path("aspect_ratio").asString("16:9").split(":");
    int seconds = body.path("duration").asString("5s").equals("9s") ? 9 : 5;
    Generation generation =
        new Generation(
            clock.instant(),
            body,
            Integer.parseInt(shape[0]),
            Integer.parseInt(shape[1]),
            seconds,
            fate,
            reason,
            pollsToFinish);
    jobs.add(generation);
    return Reply.json(201, StubJson.write(json(generation)));
  }

  private Reply get(Request request) {
    Reply refused = authorised(request);
    if (refused != null) {
      return refused;
    }
    Generation generation = jobs.get(request.groups().getFirst());
    if (generation == null) {
      return detail(404, "Generation not found");
    }
    step(generation);
    return Reply.json(200, StubJson.write(json(generation)));
  }

  private Reply delete(Request request) {
    Reply refused = authorised(request);
    if (refused != null) {
      return refused;
    }
    if (jobs.remove(request.groups().getFirst()) == null) {
      return detail(404, "Generation not found");
    }
    deletions.incrementAndGet();
    return new Reply(204, "application/json", new byte[0], Map.of());
  }

  private Reply clip(Request request) {
    Generation generation = jobs.get(request.groups().getFirst());
    if (generation == null || generation.stage() != Stage.FINISHED) {
      return detail(404, "Not found");
    }
    return Reply.bytes(
        "video/mp4", StubClips.clip(generation.width, generation.height, generation.seconds));
  }

  private void step(Generation generation) {
    if (generation.step() && !generation.callbackUrl.isEmpty()) {
      deliver(generation);
    }
  }

  /** Luma posts the Generation, trying three times when the receiver does not answer 200. */
  private void deliver(Generation generation) {
    String body = StubJson.write(json(generation));
    int status = 0;
    for (int attempt = 0; attempt < 3 && status != 200; attempt++) {
      try {
        status =
            callbacksClient
                .send(
                    HttpRequest.newBuilder(URI.create(generation.callbackUrl))
                        .timeout(Duration.ofSeconds(5))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode();
      } catch (java.io.IOException e) {
        status = 0;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    callbacks.add(
        new Callback(generation.callbackUrl, generation.id, state(generation.stage()), status));
  }

  private ObjectNode json(Generation generation) {
    ObjectNode root = StubJson.object();
    root.put("id", generation.id);
    root.put("generation_type", "video");
    Stage stage = generation.stage();
    root.put("state", state(stage));
    if (stage == Stage.FAILED) {
      root.put("failure_reason", generation.failure);
    } else {
      root.putNull("failure_reason");
    }
    root.put("created_at", generation.createdAt.toString());
    if (stage == Stage.FINISHED) {
      ObjectNode assets = root.putObject("assets");
      assets.put("video", baseUrl() + "/luma-cdn/" + generation.id + ".mp4");
    } else {
      root.putNull("assets");
    }
    root.put("model", generation.model);
    root.set("request", generation.request);
    return root;
  }

  private static String state(Stage stage) {
    return switch (stage) {
      case WAITING -> "queued";
      case WORKING -> "dreaming";
      case FINISHED -> "completed";
      case FAILED -> "failed";
    };
  }

  private Reply authorised(Request request) {
    String header = request.header("Authorization");
    if (header == null || !header.equals("Bearer " + apiKey)) {
      return detail(401, "Invalid API key provided");
    }
    return null;
  }

  private static Reply detail(int status, String detail) {
    ObjectNode root = StubJson.object();
    root.put("detail", detail);
    return Reply.json(status, StubJson.write(root));
  }

  @Override
  public void close() {
    server.close();
  }
}
