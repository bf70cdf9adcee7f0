package dev.reelforge.testkit.videogen.stub;

import dev.reelforge.testkit.stub.StubHttpServer;
import dev.reelforge.testkit.stub.StubHttpServer.Reply;
import dev.reelforge.testkit.stub.StubHttpServer.Request;
import dev.reelforge.testkit.videogen.StubClips;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runway's task API (version {@code 2024-11-06}) on a loopback port, as documented: {@code
 * Authorization: Bearer KEY} and {@code X-Runway-Version} on every call (a missing or unknown
 * version is a 400), {@code POST /v1/image_to_video} and {@code POST /v1/text_to_video} checked
 * field by field against the model's ratios, durations and keyframe positions (400 with Runway's
 * {@code {"error": …}} body), {@code GET /v1/tasks/{id}} advancing one step per poll ({@code
 * PENDING} → {@code THROTTLED} → {@code RUNNING} → {@code SUCCEEDED}) and {@code DELETE
 * /v1/tasks/{id}} cancelling. A finished task's output is a real H.264 MP4 of the ratio's shape and
 * the asked length (the nearest {@link StubClips} has), served without the key as Runway's CDN
 * does.
 *
 * <p>Failures are switched on for the next calls: submits answered 429 or 5xx, tasks refused by
 * moderation at input or output, tasks ending {@code FAILED} with a given code, tasks that never
 * finish.
 */
public final class RunwayStub implements AutoCloseable {

  /** The one API version this stub speaks. */
  public static final String VERSION = "2024-11-06";

  private static final Pattern DATA_URI =
      Pattern.compile("data:image/(png|jpeg|jpg|webp);base64,([A-Za-z0-9+/=]+)");
  private static final Pattern IP_HOST = Pattern.compile("https://[0-9.]+(:\\d+)?/.*");
  private static final long MAX_DATA_URI = 5L * 1024 * 1024;

  /** When every task says it was made: stubs read no wall clock. */
  private static final Instant CREATED = Instant.parse("2026-11-21T12:00:00Z");

  /**
   * What a model accepts, as Runway documents it; {@code defaultDuration} 0 makes {@code duration}
   * required.
   */
  private record Model(
      Set<String> textRatios,
      Set<String> imageRatios,
      Set<Integer> durations,
      int defaultDuration,
      boolean lastFrame,
      boolean promptRequired) {}

  private static final Set<String> GEN4_RATIOS =
      Set.of("1280:720", "720:1280", "1104:832", "832:1104", "960:960", "1584:672");
  private static final Set<Integer> TWO_TO_TEN = Set.of(2, 3, 4, 5, 6, 7, 8, 9, 10);
  private static final Map<String, Model> MODELS =
      Map.of(
          "gen4.5",
          new Model(Set.of("1280:720", "720:1280"), GEN4_RATIOS, TWO_TO_TEN, 0, false, true),
          "gen4_turbo",
          new Model(Set.of(), GEN4_RATIOS, TWO_TO_TEN, 10, false, false),
          "gen3a_turbo",
          new Model(Set.of(), Set.of("1280:768", "768:1280"), Set.of(5, 10), 10, true, true));

  /** How a task ends. */
  private record Ending(String kind, String failureCode, String failure) {
    static final Ending SUCCEED = new Ending("succeed", "", "");
  }

  private final class Task {
    final String id = UUID.randomUUID().toString();
    final Instant createdAt = CREATED;
    final String ratio;
    final int seconds;
    final Ending ending;
    final AtomicInteger polls = new AtomicInteger();
    volatile boolean cancelled;

    Task(String ratio, int seconds, Ending ending) {
      this.ratio = ratio;
      this.seconds = seconds;
      this.ending = ending;
    }

    /** The state after one more poll. */
    ObjectNode advance() {
      int poll = polls.incrementAndGet();
      ObjectNode body = StubJson.object().put("id", id).put("createdAt", createdAt.toString());
      if (cancelled) {
        return body.put("status", "CANCELLED");
      }
      switch (ending.kind()) {
        case "input" -> {
          return failed(body, ending);
        }
        case "never" -> {
          return poll == 1 ? body.put("status", "PENDING") : running(body, 0.5);
        }
        case "succeed" -> {
          return switch (poll) {
            case 1 -> body.put("status", "PENDING");
            case 2 -> body.put("status", "THROTTLED");
            case 3 -> running(body, 0.6);
            default -> {
              body.put("status", "SUCCEEDED");
              body.putArray("output").add(baseUrl() + "/cdn/" + id + ".mp4");
              yield body;
            }
          };
        }
        default -> {
          // Refused at output or failed: the task runs before it fails.
          return switch (poll) {
            case 1 -> body.put("status", "PENDING");
            case 2 -> running(body, 0.3);
            default -> failed(body, ending);
          };
        }
      }
    }

    private ObjectNode running(ObjectNode body, double progress) {
      return body.put("status", "RUNNING").put("progress", progress);
    }

    private ObjectNode failed(ObjectNode body, Ending end) {
      return body.put("status", "FAILED")
          .put("failure", end.failure())
          .put("failureCode", end.failureCode());
    }
  }

  private final StubHttpServer server = new StubHttpServer();
  private final String apiKey;
  private final Map<String, Task> tasks = new ConcurrentHashMap<>();
  private final AtomicInteger submissions = new AtomicInteger();
  private final Faults<Integer> failingSubmits = new Faults<>();
  private final Faults<Ending> endings = new Faults<>();
  private final Set<String> cancelled = ConcurrentHashMap.newKeySet();

  /** A stub that accepts {@code apiKey}. */
  public RunwayStub(String apiKey) {
    this.apiKey = apiKey;
    server.route("POST", "/v1/image_to_video", r -> guarded(r, () -> create(r, true)));
    server.route("POST", "/v1/text_to_video", r -> guarded(r, () -> create(r, false)));
    server.route("GET", "/v1/tasks/([^/]+)", r -> guarded(r, () -> task(r.groups().get(0))));
    server.route("DELETE", "/v1/tasks/([^/]+)", r -> guarded(r, () -> delete(r.groups().get(0))));
    server.route("GET", "/cdn/([^/]+)\\.mp4", r -> clip(r.groups().get(0)));
  }

  /** Where the adapter points its base URL. */
  public String baseUrl() {
    return server.baseUrl();
  }

  /** Tasks created so far (refused submissions are not tasks). */
  public int submissions() {
    return submissions.get();
  }

  /**
   * The next {@code count} submits are answered {@code status} (429 or a 5xx) in Runway's shape.
   */
  public void failNextSubmits(int count, int status) {
    failingSubmits.add(status, count);
  }

  /** The next task is refused by moderation before it runs ({@code SAFETY.INPUT.TEXT}). */
  public void refuseNextAtInput() {
    endings.add(
        new Ending(
            "input", "SAFETY.INPUT.TEXT", "The prompt was flagged by our content moderation."),
        1);
  }

  /** The next task runs, then moderation rejects its result ({@code SAFETY.OUTPUT.VIDEO}). */
  public void refuseNextAtOutput() {
    endings.add(
        new Ending(
            "output", "SAFETY.OUTPUT.VIDEO", "The output was flagged by our content moderation."),
        1);
  }

  /** The next task runs, then ends {@code FAILED} with {@code failureCode}. */
  public void failNextTask(String failureCode, String failure) {
    endings.add(new Ending("failed", failureCode, failure), 1);
  }

  /** The next task stays {@code RUNNING} however often it is polled. */
  public void neverFinishNextTask() {
    endings.add(new Ending("never", "", ""), 1);
  }

  /** Every submit that reached the API (accepted or refused), oldest first. */
  public List<Request> submitted() {
    return server.received().stream()
        .filter(r -> r.method().equals("POST") && r.path().endsWith("_to_video"))
        .toList();
  }

  /** The body of the last submit, parsed. */
  public JsonNode lastSubmission() {
    List<Request> all = submitted();
    return StubJson.read(all.getLast().body());
  }

  /** The ids of tasks cancelled with {@code DELETE}. */
  public Set<String> cancelled() {
    return Set.copyOf(cancelled);
  }

  /** Every request, for assertions on headers. */
  public List<Request> received() {
    return server.received();
  }

  private Reply guarded(Request request, java.util.function.Supplier<Reply> handler) {
    String auth = request.header("Authorization");
    if (auth == null || !auth.equals("Bearer " + apiKey)) {
      return error(401, "The API key is invalid or missing.");
    }
    String version = request.header("X-Runway-Version");
    if (version == null) {
      return error(400, "The X-Runway-Version header is required.");
    }
    if (!version.equals(VERSION)) {
      return error(400, "X-Runway-Version '" + version + "' is not a supported API version.");
    }
    return handler.get();
  }

  private Reply create(Request request, boolean fromImage) {
    Integer failing = failingSubmits.next();
    if (failing != null) {
      Reply reply =
          error(failing, failing == 429 ? "Too many requests." : "Runway is shedding load.");
      return failing == 429 ? reply.withHeader("Retry-After", "1") : reply;
    }
    JsonNode body = StubJson.read(request.body());
    if (body == null) {
      return error(400, "The request body is not valid JSON.");
    }
    Optional<String> invalid = invalid(body, fromImage);
    if (invalid.isPresent()) {
      return error(400, invalid.get());
    }
    Model model = MODELS.get(body.path("model").asString());
    int seconds = body.path("duration").asInt(model.defaultDuration());
    Ending ending = Optional.ofNullable(endings.next()).orElse(Ending.SUCCEED);
    Task task = new Task(body.path("ratio").asString(), seconds, ending);
    tasks.put(task.id, task);
    submissions.incrementAndGet();
    return Reply.json(200, StubJson.write(StubJson.object().put("id", task.id)));
  }

  private static Optional<String> invalid(JsonNode body, boolean fromImage) {
    String name = body.path("model").asString("");
    Model model = MODELS.get(name);
    if (model == null || (!fromImage && model.textRatios().isEmpty())) {
      return Optional.of("model: '" + name + "' is not a model this endpoint accepts.");
    }
    if (fromImage) {
      Optional<String> image = invalidImage(body.path("promptImage"), model);
      if (image.isPresent()) {
        return image;
      }
    }
    JsonNode prompt = body.path("promptText");
    if (prompt.isMissingNode() ? model.promptRequired() || !fromImage : !prompt.isString()) {
      return Optional.of("promptText: Required.");
    }
    if (prompt.isString() && (prompt.asString().isEmpty() || prompt.asString().length() > 1000)) {
      return Optional.of("promptText: must be 1 to 1000 characters.");
    }
    String ratio = body.path("ratio").asString("");
    if (!(fromImage ? model.imageRatios() : model.textRatios()).contains(ratio)) {
      return Optional.of("ratio: '" + ratio + "' is not a ratio " + name + " makes.");
    }
    JsonNode duration = body.path("duration");
    if (duration.isMissingNode() && model.defaultDuration() == 0) {
      return Optional.of("duration: Required.");
    }
    if (!duration.isMissingNode()
        && !(duration.isInt() && model.durations().contains(duration.asInt()))) {
      return Optional.of("duration: " + duration + " is not a duration " + name + " makes.");
    }
    JsonNode seed = body.path("seed");
    if (!seed.isMissingNode()
        && (!seed.isIntegralNumber() || seed.asLong() < 0 || seed.asLong() > 4294967295L)) {
      return Optional.of("seed: must be an integer from 0 to 4294967295.");
    }
    return Optional.empty();
  }

  private static Optional<String> invalidImage(JsonNode image, Model model) {
    if (image.isString()) {
      return invalidUri(image.asString());
    }
    if (!image.isArray() || image.isEmpty() || image.size() > 2) {
      return Optional.of("promptImage: Required.");
    }
    Set<String> positions = new java.util.HashSet<>();
    for (JsonNode frame : image) {
      String position = frame.path("position").asString("");
      if (!position.equals("first") && !(position.equals("last") && model.lastFrame())) {
        return Optional.of("promptImage: position '" + position + "' is not supported.");
      }
      if (!positions.add(position)) {
        return Optional.of("promptImage: position '" + position + "' is given twice.");
      }
      Optional<String> uri = invalidUri(frame.path("uri").asString(""));
      if (uri.isPresent()) {
        return uri;
      }
    }
    return positions.contains("first")
        ? Optional.empty()
        : Optional.of("promptImage: a first frame is required.");
  }

  private static Optional<String> invalidUri(String uri) {
    if (uri.startsWith("data:")) {
      var m = DATA_URI.matcher(uri);
      if (uri.length() >= MAX_DATA_URI || !m.matches()) {
        return Optional.of("promptImage: Invalid data URI.");
      }
      try {
        Base64.getDecoder().decode(m.group(2));
      } catch (IllegalArgumentException e) {
        return Optional.of("promptImage: Invalid data URI.");
      }
      return Optional.empty();
    }
    if (!uri.startsWith("https://")) {
      return Optional.of("promptImage: Only HTTPS URLs are allowed.");
    }
    if (IP_HOST.matcher(uri).matches()) {
      return Optional.of("promptImage: URLs must be hosted on a domain.");
    }
    return Optional.empty();
  }

  private Reply task(String id) {
    Task task = tasks.get(id);
    if (task == null) {
      return error(404, "Task not found.");
    }
    return Reply.json(200, StubJson.write(task.advance()));
  }

  private Reply delete(String id) {
    Task task = tasks.get(id);
    if (task == null) {
      return error(404, "Task not found.");
    }
    cancelled.add(id);
    task.cancelled = true;
    return new Reply(204, "application/json", new byte[0], Map.of());
  }

  private Reply clip(String id) {
    Task task = tasks.get(id);
    if (task == null) {
      return error(404, "Not found.");
    }
    String[] sides = task.ratio.split(":");
    return Reply.bytes(
        "video/mp4",
        StubClips.clip(
            Integer.parseInt(sides[0]),
            Integer.parseInt(sides[1]),
            ClipLengths.nearest(task.seconds)));
  }

  private static Reply error(int status, String message) {
    return Reply.json(status, StubJson.write(StubJson.object().put("error", message)));
  }

  @Override
  public void close() {
    server.close();
  }
}
