package dev.reelforge.testkit.brand.stub;

import dev.reelforge.testkit.stub.StubHttpServer;
import dev.reelforge.testkit.stub.StubHttpServer.Reply;
import dev.reelforge.testkit.stub.StubHttpServer.Request;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * fal.ai's queue API for {@code fal-ai/flux/dev/image-to-image} on a loopback port, as documented:
 * {@code Authorization: Key …}; {@code POST /fal-ai/flux/dev/image-to-image} validated as the
 * model's input schema says ({@code image_url} an http(s) URL or a {@code data:} URI of a picture,
 * {@code prompt} required, {@code strength} 0.01 to 1, {@code num_inference_steps} 10 to 50, {@code
 * num_images} 1 to 4, an integer {@code seed}; FastAPI's 422 {@code detail} list otherwise); the
 * queued request's {@code status_url} ({@code IN_QUEUE}, {@code IN_PROGRESS}, then {@code
 * COMPLETED} on the third poll), {@code response_url} and {@code cancel_url} under the app's id
 * ({@code /fal-ai/flux/requests/{id}}); and the result {@code {images: [{url, width, height,
 * content_type}], seed, has_nsfw_concepts, prompt, timings}}, its JPEG served without the key as a
 * CDN would. The picture is the input smoothed in proportion to the strength, the same size.
 *
 * <p>Failures for the next calls: submits answered 429 or 5xx, results the safety checker flags
 * (black, {@code has_nsfw_concepts: [true]}), requests that fail, requests that never finish.
 */
public final class FalImg2ImgStub implements AutoCloseable {

  public static final String MODEL = "fal-ai/flux/dev/image-to-image";

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private enum Ending {
    SUCCEED,
    FLAGGED,
    FAIL,
    NEVER
  }

  private final class Job {
    final String id = Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
    final BufferedImage input;
    final double strength;
    final long seed;
    final String prompt;
    final Ending ending;
    final AtomicInteger polls = new AtomicInteger();
    volatile boolean cancelled;

    Job(BufferedImage input, double strength, long seed, String prompt, Ending ending) {
      this.input = input;
      this.strength = strength;
      this.seed = seed;
      this.prompt = prompt;
      this.ending = ending;
    }

    String base() {
      return server.baseUrl() + "/fal-ai/flux/requests/" + id;
    }

    boolean done() {
      return ending != Ending.NEVER && polls.get() >= 3;
    }
  }

  private final StubHttpServer server = new StubHttpServer();
  private final String apiKey;
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  private final AtomicInteger submissions = new AtomicInteger();
  private final StubFaults<Integer> failingSubmits = new StubFaults<>();
  private final StubFaults<Ending> endings = new StubFaults<>();

  public FalImg2ImgStub(String apiKey) {
    this.apiKey = apiKey;
    server.route("POST", "/(fal-ai/.+)", r -> guarded(r, () -> submit(r, r.groups().getFirst())));
    server.route(
        "GET",
        "/fal-ai/([^/]+)/requests/([^/]+)/status",
        r -> guarded(r, () -> status(r.groups().get(1))));
    server.route(
        "PUT",
        "/fal-ai/([^/]+)/requests/([^/]+)/cancel",
        r -> guarded(r, () -> cancel(r.groups().get(1))));
    server.route(
        "GET",
        "/fal-ai/([^/]+)/requests/([^/]+)",
        r -> guarded(r, () -> result(r.groups().get(1))));
    server.route("GET", "/files/([^/]+)\\.jpg", r -> file(r.groups().getFirst()));
  }

  /** The queue API's base URL here. */
  public String baseUrl() {
    return server.baseUrl();
  }

  /** Requests queued so far (refused submits queue none). */
  public int submissions() {
    return submissions.get();
  }

  /** The next {@code count} submits are answered {@code status} (429 or a 5xx). */
  public void failNextSubmits(int count, int status) {
    failingSubmits.add(status, count);
  }

  /** The next request's result is flagged by the safety checker. */
  public void flagNext() {
    endings.add(Ending.FLAGGED, 1);
  }

  /** The next request fails while running. */
  public void failNextRequest() {
    endings.add(Ending.FAIL, 1);
  }

  /** The next request stays in progress for ever. */
  public void neverFinishNext() {
    endings.add(Ending.NEVER, 1);
  }

  /** Whether any request was cancelled. */
  public boolean anyCancelled() {
    return jobs.values().stream().anyMatch(job -> job.cancelled);
  }

  /** Every submit that reached the API, oldest first. */
  public List<Request> submitted() {
    return server.received().stream().filter(r -> r.method().equals("POST")).toList();
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
    String header = request.header("Authorization");
    if (header == null) {
      return detail(401, "Missing Authorization header");
    }
    if (!header.equals("Key " + apiKey)) {
      return detail(401, "No user found for Key ID and Secret");
    }
    return handler.get();
  }

  private Reply submit(Request request, String model) {
    if (!model.equals(MODEL)) {
      return detail(404, "Application '" + model + "' not found");
    }
    Integer failing = failingSubmits.next();
    if (failing != null) {
      return detail(failing, failing == 429 ? "Rate limit exceeded" : "Internal Server Error");
    }
    JsonNode body = StubJson.read(request.body());
    if (body == null || !body.isObject()) {
      return invalid("body", "value is not a valid dict", "type_error.dict");
    }
    if (!body.path("prompt").isString() || body.path("prompt").asString().isBlank()) {
      return invalid("prompt", "field required", "value_error.missing");
    }
    if (!body.path("image_url").isString()) {
      return invalid("image_url", "field required", "value_error.missing");
    }
    Optional<Reply> outOfRange =
        range(body, "strength", 0.01, 1, false)
            .or(() -> range(body, "num_inference_steps", 10, 50, true))
            .or(() -> range(body, "num_images", 1, 4, true))
            .or(() -> range(body, "guidance_scale", 1, 20, false));
    if (outOfRange.isPresent()) {
      return outOfRange.get();
    }
    if (body.has("seed") && !body.path("seed").isIntegralNumber()) {
      return invalid("seed", "value is not a valid integer", "type_error.integer");
    }
    BufferedImage input = StubJson.picture(load(body.path("image_url").asString()));
    if (input == null) {
      return invalid(
          "image_url",
          "Failed to load the image. Please ensure the image file is not corrupted and is in a"
              + " supported format.",
          "image_load_error");
    }
    long seed =
        body.has("seed")
            ? body.path("seed").asLong()
            : ThreadLocalRandom.current().nextLong(1L << 32);
    Ending ending = Optional.ofNullable(endings.next()).orElse(Ending.SUCCEED);
    Job job =
        new Job(
            input,
            body.path("strength").asDouble(0.95),
            seed,
            body.path("prompt").asString(),
            ending);
    jobs.put(job.id, job);
    submissions.incrementAndGet();
    ObjectNode queued = StubJson.object();
    queued.put("request_id", job.id);
    queued.put("response_url", job.base());
    queued.put("status_url", job.base() + "/status");
    queued.put("cancel_url", job.base() + "/cancel");
    queued.put("queue_position", 0);
    return StubJson.reply(200, queued);
  }

  private Reply status(String id) {
    Job job = jobs.get(id);
    if (job == null) {
      return detail(404, "Request not found");
    }
    int poll = job.polls.incrementAndGet();
    ObjectNode status = StubJson.object();
    if (job.done()) {
      status.put("status", "COMPLETED");
      status.put("response_url", job.base());
      if (job.ending == Ending.FAIL) {
        status.put("error", "Internal error while running the model");
      }
    } else if (poll == 1) {
      status.put("status", "IN_QUEUE").put("queue_position", 0);
    } else {
      status.put("status", "IN_PROGRESS").putArray("logs");
    }
    status.put("request_id", id);
    return StubJson.reply(200, status);
  }

  private Reply cancel(String id) {
    Job job = jobs.get(id);
    if (job == null) {
      return detail(404, "Request not found");
    }
    job.cancelled = true;
    return StubJson.reply(202, StubJson.object().put("status", "CANCELLATION_REQUESTED"));
  }

  private Reply result(String id) {
    Job job = jobs.get(id);
    if (job == null) {
      return detail(404, "Request not found");
    }
    if (!job.done()) {
      return detail(400, "Request is still in progress");
    }
    if (job.ending == Ending.FAIL) {
      return detail(500, "Internal error while running the model");
    }
    ObjectNode result = StubJson.object();
    ObjectNode image = result.putArray("images").addObject();
    image.put("url", server.baseUrl() + "/files/" + id + ".jpg");
    image.put("width", job.input.getWidth());
    image.put("height", job.input.getHeight());
    image.put("content_type", "image/jpeg");
    result.putObject("timings").put("inference", 2.1);
    result.put("seed", job.seed);
    result.putArray("has_nsfw_concepts").add(job.ending == Ending.FLAGGED);
    result.put("prompt", job.prompt);
    return StubJson.reply(200, result);
  }

  private Reply file(String id) {
    Job job = jobs.get(id);
    if (job == null || !job.done()) {
      return detail(404, "File not found");
    }
    return Reply.bytes("image/jpeg", jpeg(output(job)));
  }

  /** The input smoothed in proportion to the strength; black when the checker flagged it. */
  private static BufferedImage output(Job job) {
    int width = job.input.getWidth();
    int height = job.input.getHeight();
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    if (job.ending == Ending.FLAGGED) {
      return out;
    }
    int factor = Math.max(1, (int) Math.round(1 + job.strength * 8));
    BufferedImage small =
        new BufferedImage(
            Math.max(1, width / factor), Math.max(1, height / factor), BufferedImage.TYPE_INT_RGB);
    Graphics2D down = small.createGraphics();
    down.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    down.drawImage(job.input, 0, 0, small.getWidth(), small.getHeight(), null);
    down.dispose();
    Graphics2D up = out.createGraphics();
    up.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    up.drawImage(small, 0, 0, width, height, null);
    up.dispose();
    return out;
  }

  private static byte[] jpeg(BufferedImage image) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      ImageIO.write(image, "jpg", bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A {@code data:} URI decoded, or an http(s) URL fetched as fal.ai would; null when neither. */
  private static byte[] load(String url) {
    if (url.startsWith("data:")) {
      return StubJson.dataUri(url, "png|jpeg|jpg|webp");
    }
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      return null;
    }
    try {
      HttpResponse<byte[]> response =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
      return response.statusCode() == 200 ? response.body() : null;
    } catch (IOException | IllegalArgumentException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static Optional<Reply> range(
      JsonNode body, String field, double min, double max, boolean integer) {
    if (!body.has(field)) {
      return Optional.empty();
    }
    JsonNode value = body.path(field);
    if (integer ? !value.isIntegralNumber() : !value.isNumber()) {
      return Optional.of(
          invalid(
              field,
              integer ? "value is not a valid integer" : "value is not a valid float",
              integer ? "type_error.integer" : "type_error.float"));
    }
    if (value.asDouble() < min) {
      return Optional.of(
          invalid(
              field,
              "ensure this value is greater than or equal to " + min,
              "value_error.number.not_ge"));
    }
    if (value.asDouble() > max) {
      return Optional.of(
          invalid(
              field,
              "ensure this value is less than or equal to " + max,
              "value_error.number.not_le"));
    }
    return Optional.empty();
  }

  /** FastAPI's validation answer: 422 with a {@code detail} list. */
  private static Reply invalid(String field, String message, String type) {
    ObjectNode body = StubJson.object();
    ArrayNode detail = body.putArray("detail");
    ObjectNode item = detail.addObject();
    item.putArray("loc").add("body").add(field);
    item.put("msg", message);
    item.put("type", type);
    return StubJson.reply(422, body);
  }

  private static Reply detail(int status, String message) {
    return StubJson.reply(status, StubJson.object().put("detail", message));
  }

  @Override
  public void close() {
    server.close();
  }
}
