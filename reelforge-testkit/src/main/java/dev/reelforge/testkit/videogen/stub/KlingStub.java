package dev.reelforge.testkit.videogen.stub;

import dev.reelforge.testkit.stub.StubHttpServer;
import dev.reelforge.testkit.stub.StubHttpServer.Reply;
import dev.reelforge.testkit.stub.StubHttpServer.Request;
import dev.reelforge.testkit.videogen.StubClips;
import dev.reelforge.testkit.videogen.stub.StubJobs.Fate;
import dev.reelforge.testkit.videogen.stub.StubJobs.Stage;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Kling's video API as its documentation describes it, on a loopback server: {@code POST
 * /v1/videos/text2video|image2video} with a JWT (HS256 over the configured secret key, issuer the
 * access key, {@code nbf}/{@code exp} checked on the given clock — 401 with codes 1001–1004
 * otherwise), the documented field checks (400, code 1201), answers {@code {code, message,
 * request_id, data}}, tasks that go submitted → processing → succeed one step per poll, and the
 * clip served from {@link StubClips} in the request's shape (text: {@code aspect_ratio}; image: the
 * picture's own shape) and Kling's length. Failures are switched on for the next so many
 * submissions or tasks.
 */
public final class KlingStub implements AutoCloseable {

  /** Model names Kling's documentation lists. */
  public static final Set<String> MODELS =
      Set.of(
          "kling-v1",
          "kling-v1-5",
          "kling-v1-6",
          "kling-v2-master",
          "kling-v2-1",
          "kling-v2-1-master",
          "kling-v2-5-turbo");

  private static final List<String> ASPECTS = List.of("16:9", "9:16", "1:1");

  /** The reason Kling gives when its risk control refuses a task. */
  public static final String RISK_CONTROL = "Failure to pass the risk control system";

  private enum SubmitFault {
    SERVER_ERROR,
    RATE_LIMITED,
    CONCURRENCY,
    REFUSED,
    NO_BALANCE
  }

  private static final class KlingJob extends StubJobs.Job {
    final String kind;
    final long createdAt;

    KlingJob(String kind, long createdAt, int w, int h, int s, Fate fate, String why, int steps) {
      super(String.valueOf(NEXT_ID.incrementAndGet()), w, h, s, fate, why, steps);
      this.kind = kind;
      this.createdAt = createdAt;
    }
  }

  private static final AtomicLong NEXT_ID = new AtomicLong(866_168_216_002_236_000L);

  private final StubHttpServer server = new StubHttpServer();
  private final KlingJwt jwt;
  private final Clock clock;
  private final StubJobs<KlingJob> jobs = new StubJobs<>();
  private final Faults<SubmitFault> submitFaults = new Faults<>();
  private final Faults<String> jobFaults = new Faults<>();
  private volatile int retryAfterSeconds = 1;
  private volatile int pollsToFinish = 2;

  /**
   * A stub accepting tokens signed with {@code secretKey} for {@code accessKey} at {@code clock}.
   */
  public KlingStub(String accessKey, String secretKey, Clock clock) {
    this.jwt = new KlingJwt(accessKey, secretKey);
    this.clock = clock;
    server
        .route("POST", "/v1/videos/(text2video|image2video)", this::submit)
        .route("GET", "/v1/videos/(text2video|image2video)/([^/]+)", this::query)
        .route("GET", "/kling-cdn/([^/]+)\\.mp4", this::clip);
  }

  /** {@code http://127.0.0.1:port}: the adapter's base URL. */
  public String baseUrl() {
    return server.baseUrl();
  }

  /** The server, for the requests it received. */
  public StubHttpServer server() {
    return server;
  }

  /** Tasks Kling accepted so far. */
  public int submissions() {
    return jobs.accepted();
  }

  /** Polls before a task ends (2 by default: processing, then the end). */
  public KlingStub pollsToFinish(int polls) {
    this.pollsToFinish = Math.max(1, polls);
    return this;
  }

  /** The next {@code n} submissions get a 500 with code 5000. */
  public KlingStub failNextSubmits(int n) {
    submitFaults.add(SubmitFault.SERVER_ERROR, n);
    return this;
  }

  /** The next {@code n} submissions get 429, code 1302, with {@code Retry-After}. */
  public KlingStub rateLimitNextSubmits(int n, int retryAfterSeconds) {
    this.retryAfterSeconds = retryAfterSeconds;
    submitFaults.add(SubmitFault.RATE_LIMITED, n);
    return this;
  }

  /** The next {@code n} submissions get 429, code 1303 (too many tasks at once). */
  public KlingStub concurrencyLimitNextSubmits(int n) {
    submitFaults.add(SubmitFault.CONCURRENCY, n);
    return this;
  }

  /** The next {@code n} submissions are refused by the content-security policy (400, 1301). */
  public KlingStub refuseNextSubmits(int n) {
    submitFaults.add(SubmitFault.REFUSED, n);
    return this;
  }

  /** The next {@code n} submissions find the resource pack spent (429, code 1102). */
  public KlingStub emptyBalanceForNextSubmits(int n) {
    submitFaults.add(SubmitFault.NO_BALANCE, n);
    return this;
  }

  /** The next {@code n} tasks end {@code failed} with {@code reason}. */
  public KlingStub failNextJobs(int n, String reason) {
    jobFaults.add(reason, n);
    return this;
  }

  /** The next {@code n} tasks never finish. */
  public KlingStub stallNextJobs(int n) {
    jobFaults.add("", n);
    return this;
  }

  private Reply submit(Request request) {
    Reply refused = jwt.check(request.header("Authorization"), clock.instant());
    if (refused != null) {
      return refused;
    }
    JsonNode body = StubJson.read(request.body());
    if (body == null || !body.isObject()) {
      return error(400, 1200, "Invalid request parameters: the body is not a JSON object");
    }
    String kind = request.groups().getFirst();
    Checked checked = check(kind, body);
    if (checked.problem != null) {
      return error(400, 1201, checked.problem);
    }
    SubmitFault fault = submitFaults.next();
    if (fault != null) {
      return switch (fault) {
        case SERVER_ERROR -> error(500, 5000, "Server internal error");
        case RATE_LIMITED ->
            error(429, 1302, "The API request is too fast, please slow down")
                .withHeader("Retry-After", String.valueOf(retryAfterSeconds));
        case CONCURRENCY -> error(429, 1303, "parallel task over resource pack limit");
        case REFUSED -> error(400, 1301, "Content security policy triggered by the input");
        case NO_BALANCE -> error(429, 1102, "Resource pack depleted or expired");
      };
    }
    String reason = jobFaults.next();
    Fate fate = reason == null ? Fate.FINISH : reason.isEmpty() ? Fate.STALL : Fate.FAIL;
    int seconds = Integer.parseInt(body.path("duration").asString("5"));
    KlingJob job =
        new KlingJob(
            kind,
            clock.millis(),
            checked.width,
            checked.height,
            seconds,
            fate,
            reason,
            pollsToFinish);
    jobs.add(job);
    return ok(task(job));
  }

  private Reply query(Request request) {
    Reply refused = jwt.check(request.header("Authorization"), clock.instant());
    if (refused != null) {
      return refused;
    }
    KlingJob job = jobs.get(request.groups().get(1));
    if (job == null || !job.kind.equals(request.groups().getFirst())) {
      return error(404, 1203, "Resource not found: no such task");
    }
    job.step();
    return ok(task(job));
  }

  private Reply clip(Request request) {
    KlingJob job = jobs.get(request.groups().getFirst());
    if (job == null || job.stage() != Stage.FINISHED) {
      return Reply.json(404, "{\"error\":\"no such video\"}");
    }
    return Reply.bytes("video/mp4", StubClips.clip(job.width, job.height, job.seconds));
  }

  private ObjectNode task(KlingJob job) {
    ObjectNode data = StubJson.object();
    data.put("task_id", job.id);
    Stage stage = job.stage();
    data.put(
        "task_status",
        switch (stage) {
          case WAITING -> "submitted";
          case WORKING -> "processing";
          case FINISHED -> "succeed";
          case FAILED -> "failed";
        });
    data.put("task_status_msg", stage == Stage.FAILED ? job.failure : "");
    data.putObject("task_info");
    data.put("created_at", job.createdAt);
    data.put("updated_at", clock.millis());
    if (stage == Stage.FINISHED) {
      ObjectNode video = data.putObject("task_result").putArray("videos").addObject();
      video.put("id", UUID.nameUUIDFromBytes(job.id.getBytes()).toString());
      video.put("url", baseUrl() + "/kling-cdn/" + job.id + ".mp4");
      video.put("duration", String.valueOf(job.seconds));
    }
    return data;
  }

  /** The documented checks; on success the clip's shape. */
  private record Checked(String problem, int width, int height) {
    static Checked problem(String why) {
      return new Checked(why, 0, 0);
    }
  }

  private static Checked check(String kind, JsonNode body) {
    String model = body.path("model_name").asString("kling-v1");
    if (!MODELS.contains(model)) {
      return Checked.problem("model_name '" + model + "' is not a Kling model");
    }
    if (!List.of("std", "pro").contains(body.path("mode").asString("std"))) {
      return Checked.problem("mode must be std or pro");
    }
    JsonNode duration = body.path("duration");
    if (!duration.isMissingNode() && !List.of("5", "10").contains(duration.asString(""))) {
      return Checked.problem("duration must be the string \"5\" or \"10\"");
    }
    for (String field : List.of("prompt", "negative_prompt")) {
      if (body.path(field).asString("").length() > 2500) {
        return Checked.problem(field + " cannot exceed 2500 characters");
      }
    }
    JsonNode cfg = body.path("cfg_scale");
    if (!cfg.isMissingNode() && !(cfg.isNumber() && cfg.asDouble() >= 0 && cfg.asDouble() <= 1)) {
      return Checked.problem("cfg_scale must be between 0 and 1");
    }
    if (kind.equals("text2video")) {
      if (body.path("prompt").asString("").isBlank()) {
        return Checked.problem("prompt is required");
      }
      String aspect = body.path("aspect_ratio").asString("16:9");
      if (!ASPECTS.contains(aspect)) {
        return Checked.problem("aspect_ratio must be one of " + ASPECTS);
      }
      String[] parts = aspect.split(":");
      return new Checked(null, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }
    String image = body.path("image").asString("");
    String tail = body.path("image_tail").asString("");
    if (image.isBlank() && tail.isBlank()) {
      return Checked.problem("image and image_tail cannot both be empty");
    }
    BufferedImage shape = null;
    for (String field : List.of("image", "image_tail")) {
      String value = body.path(field).asString("");
      if (value.isBlank()) {
        continue;
      }
      if (value.startsWith("data:")) {
        return Checked.problem(field + " must be bare base64, without a data: prefix");
      }
      BufferedImage picture =
          StubImages.decode(
              value.startsWith("http://") || value.startsWith("https://")
                  ? StubImages.fetch(value)
                  : base64(value));
      if (picture == null) {
        return Checked.problem(field + " is not a readable .jpg/.jpeg/.png picture");
      }
      int w = picture.getWidth();
      int h = picture.getHeight();
      if (Math.min(w, h) < 300) {
        return Checked.problem(field + " must be at least 300 px on each side, not " + w + "x" + h);
      }
      if (w / (double) h > 2.5 || h / (double) w > 2.5) {
        return Checked.problem(field + "'s aspect ratio must be between 1:2.5 and 2.5:1");
      }
      shape = shape == null ? picture : shape;
    }
    return new Checked(null, shape.getWidth(), shape.getHeight());
  }

  private static byte[] base64(String text) {
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Reply ok(ObjectNode data) {
    ObjectNode root = StubJson.object();
    root.put("code", 0);
    root.put("message", "SUCCEED");
    root.put("request_id", UUID.randomUUID().toString());
    root.set("data", data);
    return Reply.json(200, StubJson.write(root));
  }

  static Reply error(int status, int code, String message) {
    ObjectNode root = StubJson.object();
    root.put("code", code);
    root.put("message", message);
    root.put("request_id", UUID.randomUUID().toString());
    return Reply.json(status, StubJson.write(root));
  }

  @Override
  public void close() {
    server.close();
  }
}
