package dev.reelforge.testkit.videogen.stub;

import dev.reelforge.testkit.stub.StubHttpServer;
import dev.reelforge.testkit.stub.StubHttpServer.Reply;
import dev.reelforge.testkit.stub.StubHttpServer.Request;
import dev.reelforge.testkit.videogen.StubClips;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Google's Veo through the Gemini API ({@code /v1beta}) on a loopback port, as documented: the key
 * in {@code x-goog-api-key} (or {@code ?key=}), {@code POST
 * /v1beta/models/{model}:predictLongRunning} checked against the model generation's parameters
 * (aspect ratios, durations, resolution, {@code lastFrame} on Veo 3.1 only, {@code
 * personGeneration} per mode; {@code seed}, {@code fps} and {@code generateAudio} refused as the
 * Gemini API refuses them), errors in Google's shape {@code {"error": {code, message, status}}}, an
 * operation polled with {@code GET /v1beta/{name}} that is done on the third poll, and the clip at
 * {@code GET /v1beta/files/{id}:download?alt=media}, which also needs the key. The clip is a real
 * H.264 MP4 of the asked shape and length.
 *
 * <p>Failures are switched on for the next calls: submits answered 429 or 5xx, operations whose
 * result the safety filters hold back (at once: the prompt; after running: the video), operations
 * that end with an error, operations that never finish.
 */
public final class VeoStub implements AutoCloseable {

  private static final Set<String> ASPECTS = Set.of("16:9", "9:16");
  private static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/webp");
  private static final Set<String> VERTEX_ONLY = Set.of("seed", "fps", "generateAudio");

  /** The Veo models the Gemini API lists for {@code predictLongRunning}. */
  private static final Set<String> MODELS =
      Set.of(
          "veo-2.0-generate-001",
          "veo-3.0-generate-001",
          "veo-3.0-fast-generate-001",
          "veo-3.0-generate-preview",
          "veo-3.0-fast-generate-preview",
          "veo-3.1-generate-preview",
          "veo-3.1-fast-generate-preview");

  /** How an operation ends. */
  private record Ending(String kind, int code, String status, String message) {
    static final Ending SUCCEED = new Ending("succeed", 0, "", "");
  }

  private final class Operation {
    final String id;
    final String name;
    final String aspect;
    final int seconds;
    final Ending ending;
    final AtomicInteger polls = new AtomicInteger();

    Operation(String model, String aspect, int seconds, Ending ending) {
      this.id = Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
      this.name = "models/" + model + "/operations/" + id;
      this.aspect = aspect;
      this.seconds = seconds;
      this.ending = ending;
    }

    ObjectNode advance() {
      int poll = polls.incrementAndGet();
      ObjectNode body = StubJson.object().put("name", name);
      boolean done =
          switch (ending.kind()) {
            case "never" -> false;
            case "input" -> true;
            default -> poll >= 3;
          };
      if (!done) {
        return body;
      }
      body.put("done", true);
      if (ending.kind().equals("error")) {
        body.putObject("error")
            .put("code", ending.code())
            .put("message", ending.message())
            .put("status", ending.status());
        return body;
      }
      ObjectNode result =
          body.putObject("response")
              .put(
                  "@type",
                  "type.googleapis.com/google.ai.generativelanguage.v1beta.PredictLongRunningResponse")
              .putObject("generateVideoResponse");
      if (ending.kind().equals("input") || ending.kind().equals("output")) {
        result.put("raiMediaFilteredCount", 1);
        result.putArray("raiMediaFilteredReasons").add(ending.message());
        return body;
      }
      ObjectNode video = result.putArray("generatedSamples").addObject().putObject("video");
      if (inline) {
        video.put("encodedVideo", Base64.getEncoder().encodeToString(clip()));
        video.put("encoding", "video/mp4");
      } else {
        video.put("uri", server.baseUrl() + "/v1beta/files/" + id + ":download?alt=media");
      }
      return body;
    }

    byte[] clip() {
      boolean landscape = aspect.equals("16:9");
      return StubClips.clip(landscape ? 16 : 9, landscape ? 9 : 16, ClipLengths.nearest(seconds));
    }
  }

  private final StubHttpServer server = new StubHttpServer();
  private final String apiKey;
  private final Map<String, Operation> operations = new ConcurrentHashMap<>();
  private final AtomicInteger submissions = new AtomicInteger();
  private final Faults<Integer> failingSubmits = new Faults<>();
  private final Faults<Ending> endings = new Faults<>();
  private volatile boolean inline;

  /** A stub that accepts {@code apiKey}. */
  public VeoStub(String apiKey) {
    this.apiKey = apiKey;
    server.route(
        "POST",
        "/v1beta/models/([^/:]+):predictLongRunning",
        r -> guarded(r, () -> create(r, r.groups().get(0))));
    server.route(
        "GET",
        "/v1beta/models/([^/:]+)/operations/([^/:]+)",
        r -> guarded(r, () -> operation(r.groups().get(1))));
    server.route(
        "GET", "/v1beta/files/([^/:]+):download", r -> guarded(r, () -> file(r.groups().get(0))));
  }

  /** The Gemini API's base URL here, with its version ({@code …/v1beta}). */
  public String baseUrl() {
    return server.baseUrl() + "/v1beta";
  }

  /** Operations started so far (refused submissions start none). */
  public int submissions() {
    return submissions.get();
  }

  /**
   * The next {@code count} submits are answered {@code status} (429 or a 5xx) in Google's shape.
   */
  public void failNextSubmits(int count, int status) {
    failingSubmits.add(status, count);
  }

  /** The next operation is done at its first poll with the prompt filtered out. */
  public void refuseNextAtInput() {
    endings.add(
        new Ending(
            "input",
            0,
            "",
            "Your prompt couldn't be submitted because it may violate our usage guidelines."),
        1);
  }

  /** The next operation runs, then its video is filtered out. */
  public void refuseNextAtOutput() {
    endings.add(
        new Ending(
            "output",
            0,
            "",
            "The generated video was filtered because it may violate our usage guidelines."),
        1);
  }

  /** The next operation ends with {@code error: {code, message, status}}. */
  public void failNextOperation(int code, String status, String message) {
    endings.add(new Ending("error", code, status, message), 1);
  }

  /** The next operation is never done. */
  public void neverFinishNextOperation() {
    endings.add(new Ending("never", 0, "", ""), 1);
  }

  /** From now on finished operations carry the clip inline ({@code encodedVideo}), not a URI. */
  public void answerInline() {
    inline = true;
  }

  /** Every submit that reached the API (accepted or refused), oldest first. */
  public List<Request> submitted() {
    return server.received().stream()
        .filter(r -> r.method().equals("POST") && r.path().endsWith(":predictLongRunning"))
        .toList();
  }

  /** The body of the last submit, parsed. */
  public JsonNode lastSubmission() {
    return StubJson.read(submitted().getLast().body());
  }

  /** Every request, for assertions on headers and paths. */
  public List<Request> received() {
    return server.received();
  }

  private Reply guarded(Request request, java.util.function.Supplier<Reply> handler) {
    String key = request.header("x-goog-api-key");
    if (key == null && request.query() != null) {
      for (String pair : request.query().split("&")) {
        if (pair.startsWith("key=")) {
          key = pair.substring(4);
        }
      }
    }
    if (key == null) {
      return error(
          403,
          "PERMISSION_DENIED",
          "Method doesn't allow unregistered callers (callers without established identity)."
              + " Please use API Key or other form of API consumer identity to call this API.");
    }
    if (!key.equals(apiKey)) {
      return error(400, "INVALID_ARGUMENT", "API key not valid. Please pass a valid API key.");
    }
    return handler.get();
  }

  private Reply create(Request request, String model) {
    Integer failing = failingSubmits.next();
    if (failing != null) {
      return failing == 429
          ? error(429, "RESOURCE_EXHAUSTED", "Resource has been exhausted (e.g. check quota).")
          : error(failing, "UNAVAILABLE", "The model is overloaded. Please try again later.");
    }
    String generation = generation(model);
    if (generation.isEmpty()) {
      return error(
          404,
          "NOT_FOUND",
          "models/"
              + model
              + " is not found for API version v1beta, or is not supported for"
              + " predictLongRunning.");
    }
    JsonNode body = StubJson.read(request.body());
    if (body == null) {
      return error(400, "INVALID_ARGUMENT", "Invalid JSON payload received.");
    }
    Optional<String> invalid = invalid(body, generation);
    if (invalid.isPresent()) {
      return error(400, "INVALID_ARGUMENT", invalid.get());
    }
    JsonNode parameters = body.path("parameters");
    Operation operation =
        new Operation(
            model,
            parameters.path("aspectRatio").asString("16:9"),
            parameters.path("durationSeconds").asInt(8),
            Optional.ofNullable(endings.next()).orElse(Ending.SUCCEED));
    operations.put(operation.id, operation);
    submissions.incrementAndGet();
    return Reply.json(200, StubJson.write(StubJson.object().put("name", operation.name)));
  }

  /** The generation of a model the Gemini API serves for video, or empty for any other name. */
  private static String generation(String model) {
    return MODELS.contains(model) ? model.substring(0, "veo-x.y".length()) : "";
  }

  private static Optional<String> invalid(JsonNode body, String generation) {
    JsonNode instances = body.path("instances");
    if (!instances.isArray() || instances.size() != 1) {
      return Optional.of("instances must hold exactly one instance.");
    }
    JsonNode instance = instances.get(0);
    boolean image = instance.has("image");
    if (!instance.path("prompt").isString() && !image) {
      return Optional.of("A prompt or an image is required.");
    }
    for (String field : List.of("image", "lastFrame")) {
      if (instance.has(field)) {
        JsonNode frame = instance.path(field);
        if (!IMAGE_TYPES.contains(frame.path("mimeType").asString(""))
            || !decodes(frame.path("bytesBase64Encoded").asString(""))) {
          return Optional.of(field + " needs bytesBase64Encoded and an image mimeType.");
        }
      }
    }
    if (instance.has("lastFrame") && (!image || !generation.equals("veo-3.1"))) {
      return Optional.of("lastFrame isn't supported by this model or needs an image.");
    }
    JsonNode parameters = body.path("parameters");
    for (String vertexOnly : VERTEX_ONLY) {
      if (parameters.has(vertexOnly)) {
        return Optional.of(vertexOnly + " parameter is not supported in Gemini API.");
      }
    }
    String aspect = parameters.path("aspectRatio").asString("16:9");
    if (!ASPECTS.contains(aspect)) {
      return Optional.of("aspectRatio must be 16:9 or 9:16.");
    }
    int seconds = parameters.path("durationSeconds").asInt(8);
    Set<Integer> lengths = generation.equals("veo-2.0") ? Set.of(5, 6, 7, 8) : Set.of(4, 6, 8);
    if (!lengths.contains(seconds)) {
      return Optional.of("durationSeconds " + seconds + " is out of range for " + generation + ".");
    }
    if (parameters.has("resolution")) {
      String resolution = parameters.path("resolution").asString("");
      if (generation.equals("veo-2.0")) {
        return Optional.of("resolution isn't supported by this model.");
      }
      if (!resolution.equals("720p") && !resolution.equals("1080p")) {
        return Optional.of("resolution must be 720p or 1080p.");
      }
      if (resolution.equals("1080p")
          && (generation.equals("veo-3.1") ? seconds != 8 : !aspect.equals("16:9"))) {
        return Optional.of("1080p is not available for this duration or aspect ratio.");
      }
    }
    if (parameters.has("personGeneration")) {
      String person = parameters.path("personGeneration").asString("");
      Set<String> allowed =
          generation.equals("veo-2.0")
              ? image
                  ? Set.of("allow_adult", "dont_allow")
                  : Set.of("allow_all", "allow_adult", "dont_allow")
              : image ? Set.of("allow_adult") : Set.of("allow_all");
      if (!allowed.contains(person)) {
        return Optional.of("personGeneration '" + person + "' is not allowed here.");
      }
    }
    return Optional.empty();
  }

  private static boolean decodes(String base64) {
    try {
      return !base64.isEmpty() && Base64.getDecoder().decode(base64).length > 0;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private Reply operation(String id) {
    Operation operation = operations.get(id);
    if (operation == null) {
      return error(404, "NOT_FOUND", "Operation not found.");
    }
    return Reply.json(200, StubJson.write(operation.advance()));
  }

  private Reply file(String id) {
    Operation operation = operations.get(id);
    if (operation == null || operation.polls.get() < 3) {
      return error(404, "NOT_FOUND", "File not found.");
    }
    return Reply.bytes("video/mp4", operation.clip());
  }

  private static Reply error(int code, String status, String message) {
    ObjectNode body = StubJson.object();
    body.putObject("error").put("code", code).put("message", message).put("status", status);
    return Reply.json(code, StubJson.write(body));
  }

  @Override
  public void close() {
    server.close();
  }
}
