package dev.reelforge.testkit.brand.stub;

import dev.reelforge.testkit.stub.StubHttpServer;
import dev.reelforge.testkit.stub.StubHttpServer.Reply;
import dev.reelforge.testkit.stub.StubHttpServer.Request;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Google's Gemini API ({@code /v1beta}) on a loopback port, as documented for {@code POST
 * /v1beta/models/{model}:generateContent}: the key in {@code x-goog-api-key} (or {@code ?key=}; a
 * wrong one is 400 {@code API_KEY_INVALID}, a missing one 403), a known model, request fields in
 * either JSON spelling ({@code inline_data}/{@code inlineData}…) and nothing else ("Unknown name"),
 * images as base64 {@code inline_data} of a supported MIME type within the 20 MB request limit, and
 * a {@code responseSchema} only with {@code responseMimeType: application/json}, checked by {@link
 * GeminiSchemaRules}. It answers with what {@link StubBrandModel} sees in the picture, cut to the
 * schema, as {@code candidates[0].content.parts[0].text} with {@code finishReason}, {@code
 * usageMetadata} and {@code modelVersion}; errors in Google's shape.
 *
 * <p>Failures for the next calls: 429 {@code RESOURCE_EXHAUSTED} (with a {@code RetryInfo} detail)
 * or 5xx, a prompt blocked ({@code promptFeedback.blockReason}, no candidates), an answer stopped
 * by the safety filters ({@code finishReason: SAFETY}, no content), an answer that is not JSON and
 * one cut off at the token limit ({@code MAX_TOKENS}).
 */
public final class GeminiStub implements AutoCloseable {

  /** Gemini models that read images and answer to a response schema. */
  private static final Set<String> MODELS =
      Set.of(
          "gemini-2.0-flash",
          "gemini-2.0-flash-lite",
          "gemini-2.5-flash",
          "gemini-2.5-flash-lite",
          "gemini-2.5-pro",
          "gemini-3-pro-preview");

  private static final Set<String> IMAGE_TYPES =
      Set.of("image/png", "image/jpeg", "image/webp", "image/heic", "image/heif");

  private static final Set<String> REQUEST_FIELDS =
      Set.of(
          "contents",
          "systemInstruction",
          "system_instruction",
          "generationConfig",
          "generation_config",
          "safetySettings",
          "safety_settings",
          "tools",
          "toolConfig",
          "tool_config",
          "cachedContent",
          "cached_content");

  private static final Set<String> CONFIG_FIELDS =
      Set.of(
          "responseMimeType",
          "response_mime_type",
          "responseSchema",
          "response_schema",
          "responseJsonSchema",
          "response_json_schema",
          "temperature",
          "topP",
          "top_p",
          "topK",
          "top_k",
          "candidateCount",
          "candidate_count",
          "maxOutputTokens",
          "max_output_tokens",
          "stopSequences",
          "stop_sequences",
          "seed",
          "presencePenalty",
          "frequencyPenalty",
          "thinkingConfig",
          "thinking_config",
          "responseModalities",
          "response_modalities");

  /** The Gemini API's limit on a request with inline data. */
  private static final int MAX_REQUEST_BYTES = 20 * 1024 * 1024;

  /** What Gemini counts for one image up to 384 pixels a side (larger ones are tiled). */
  private static final int IMAGE_TOKENS = 258;

  private enum Kind {
    STATUS,
    BLOCKED,
    SAFETY_STOP,
    NOT_JSON,
    CUT_OFF
  }

  private record Fault(Kind kind, int status, String reason) {}

  private final StubHttpServer server = new StubHttpServer();
  private final String apiKey;
  private final StubBrandModel model = new StubBrandModel();
  private final StubFaults<Fault> faults = new StubFaults<>();

  /** A stub that accepts {@code apiKey}. */
  public GeminiStub(String apiKey) {
    this.apiKey = apiKey;
    server.route(
        "POST",
        "/v1beta/models/([^/:]+):generateContent",
        r -> guarded(r, () -> generate(r, r.groups().getFirst())));
  }

  /** The Gemini API's base URL here, with its version ({@code …/v1beta}). */
  public String baseUrl() {
    return server.baseUrl() + "/v1beta";
  }

  /** The scores (and the reason for the integrity score) the model answers from now on. */
  public void answerScores(
      double physics, double vibe, double logic, double integrity, String integrityReason) {
    model.scores(physics, vibe, logic, integrity, integrityReason);
  }

  /** The lettering the model reads in every picture from now on. */
  public void seeText(String text) {
    model.textSeen(text);
  }

  /** The next {@code count} calls are answered {@code status} (429 or a 5xx) in Google's shape. */
  public void failNext(int count, int status) {
    faults.add(new Fault(Kind.STATUS, status, ""), count);
  }

  /** The next call's prompt is blocked: no candidates, {@code promptFeedback.blockReason}. */
  public void blockNextPrompt(String blockReason) {
    faults.add(new Fault(Kind.BLOCKED, 200, blockReason), 1);
  }

  /** The next answer is stopped by the safety filters ({@code finishReason: SAFETY}). */
  public void stopNextForSafety() {
    faults.add(new Fault(Kind.SAFETY_STOP, 200, "SAFETY"), 1);
  }

  /** The next answer's text is not JSON. */
  public void answerNextMalformed() {
    faults.add(new Fault(Kind.NOT_JSON, 200, ""), 1);
  }

  /** The next answer stops at the token limit, its JSON unfinished. */
  public void cutOffNext() {
    faults.add(new Fault(Kind.CUT_OFF, 200, "MAX_TOKENS"), 1);
  }

  /** Every request that reached the API, oldest first. */
  public List<Request> received() {
    return server.received();
  }

  /** The body of the last request, parsed. */
  public JsonNode lastRequest() {
    return StubJson.read(server.received().getLast().body());
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
      return StubJson.googleError(
          403,
          "PERMISSION_DENIED",
          "Method doesn't allow unregistered callers (callers without established identity)."
              + " Please use API Key or other form of API consumer identity to call this API.");
    }
    if (!key.equals(apiKey)) {
      ObjectNode body = StubJson.object();
      ObjectNode error = body.putObject("error");
      error.put("code", 400);
      error.put("message", "API key not valid. Please pass a valid API key.");
      error.put("status", "INVALID_ARGUMENT");
      error
          .putArray("details")
          .addObject()
          .put("@type", "type.googleapis.com/google.rpc.ErrorInfo")
          .put("reason", "API_KEY_INVALID")
          .put("domain", "googleapis.com");
      return StubJson.reply(400, body);
    }
    return handler.get();
  }

  private Reply generate(Request request, String name) {
    if (!MODELS.contains(name)) {
      return StubJson.googleError(
          404,
          "NOT_FOUND",
          "models/"
              + name
              + " is not found for API version v1beta, or is not supported for generateContent.");
    }
    if (request.body().length > MAX_REQUEST_BYTES) {
      return StubJson.googleError(
          400, "INVALID_ARGUMENT", "Request payload size exceeds the limit: 20971520 bytes.");
    }
    JsonNode body = StubJson.read(request.body());
    if (body == null || !body.isObject()) {
      return StubJson.googleError(400, "INVALID_ARGUMENT", "Invalid JSON payload received.");
    }
    Optional<String> unknown = unknownField(body, REQUEST_FIELDS, "");
    if (unknown.isPresent()) {
      return StubJson.googleError(400, "INVALID_ARGUMENT", unknown.get());
    }
    JsonNode contents = body.path("contents");
    if (!contents.isArray() || contents.isEmpty()) {
      return StubJson.googleError(
          400, "INVALID_ARGUMENT", "* GenerateContentRequest.contents: contents is not specified");
    }
    BufferedImage picture = null;
    for (int c = 0; c < contents.size(); c++) {
      JsonNode parts = contents.path(c).path("parts");
      if (!parts.isArray() || parts.isEmpty()) {
        return StubJson.googleError(
            400,
            "INVALID_ARGUMENT",
            "* GenerateContentRequest.contents["
                + c
                + "].parts: contents.parts must not be empty.");
      }
      for (int p = 0; p < parts.size(); p++) {
        JsonNode inline = either(parts.path(p), "inline_data", "inlineData");
        if (inline.isMissingNode()) {
          continue;
        }
        String at = "contents[" + c + "].parts[" + p + "].inline_data";
        String mime = either(inline, "mime_type", "mimeType").asString("");
        if (!IMAGE_TYPES.contains(mime)) {
          return StubJson.googleError(400, "INVALID_ARGUMENT", "Unsupported MIME type: " + mime);
        }
        byte[] bytes = StubJson.base64(inline.path("data").asString(""));
        if (bytes == null) {
          return StubJson.googleError(
              400,
              "INVALID_ARGUMENT",
              "Invalid value at '" + at + ".data' (TYPE_BYTES), Base64 decoding failed");
        }
        picture = StubJson.picture(bytes);
        if (picture == null) {
          return StubJson.googleError(
              400,
              "INVALID_ARGUMENT",
              "Unable to process input image. Please retry or report in"
                  + " https://developers.generativeai.google/guide/troubleshooting");
        }
      }
    }
    JsonNode config = either(body, "generationConfig", "generation_config");
    Optional<String> unknownConfig = unknownField(config, CONFIG_FIELDS, "generation_config");
    if (unknownConfig.isPresent()) {
      return StubJson.googleError(400, "INVALID_ARGUMENT", unknownConfig.get());
    }
    String mime = either(config, "responseMimeType", "response_mime_type").asString("text/plain");
    JsonNode schema = either(config, "responseSchema", "response_schema");
    if (!schema.isMissingNode()) {
      if (!mime.equals("application/json")) {
        return StubJson.googleError(
            400,
            "INVALID_ARGUMENT",
            "* GenerateContentRequest.generation_config.response_mime_type: only supported"
                + " with response_schema when it is application/json");
      }
      Optional<String> invalid = GeminiSchemaRules.problem(schema);
      if (invalid.isPresent()) {
        return StubJson.googleError(400, "INVALID_ARGUMENT", invalid.get());
      }
    }
    long promptTokens = (picture == null ? 0 : IMAGE_TOKENS) + request.body().length / 1000;
    String answer =
        mime.equals("application/json")
            ? StubJson.write(
                StubBrandModel.constrained(
                    model.answer(picture), schema.isMissingNode() ? null : schema))
            : "This looks like a brand image with a bold mark.";
    Fault fault = faults.next();
    if (fault == null) {
      return answer(name, answer, "STOP", promptTokens);
    }
    return switch (fault.kind()) {
      case STATUS -> failure(fault.status());
      case BLOCKED -> blocked(fault.reason(), promptTokens);
      case SAFETY_STOP -> answer(name, null, "SAFETY", promptTokens);
      case NOT_JSON -> answer(name, "{\"palette\": [\"#ff6600\", oops", "STOP", promptTokens);
      case CUT_OFF ->
          answer(name, answer.substring(0, answer.length() / 2), "MAX_TOKENS", promptTokens);
    };
  }

  private static Reply failure(int status) {
    if (status != 429) {
      return StubJson.googleError(
          status,
          status == 503 ? "UNAVAILABLE" : "INTERNAL",
          status == 503
              ? "The model is overloaded. Please try again later."
              : "An internal error has occurred. Please retry or report in"
                  + " https://developers.generativeai.google/guide/troubleshooting");
    }
    ObjectNode body = StubJson.object();
    ObjectNode error = body.putObject("error");
    error.put("code", 429);
    error.put(
        "message", "You exceeded your current quota, please check your plan and billing details.");
    error.put("status", "RESOURCE_EXHAUSTED");
    ArrayNode details = error.putArray("details");
    details
        .addObject()
        .put("@type", "type.googleapis.com/google.rpc.QuotaFailure")
        .putArray("violations")
        .addObject()
        .put("quotaMetric", "generativelanguage.googleapis.com/generate_content_free_tier_requests")
        .put("quotaId", "GenerateRequestsPerMinutePerProjectPerModel-FreeTier");
    details
        .addObject()
        .put("@type", "type.googleapis.com/google.rpc.RetryInfo")
        .put("retryDelay", "1s");
    return StubJson.reply(429, body);
  }

  private static Reply answer(String model, String text, String finishReason, long promptTokens) {
    ObjectNode body = StubJson.object();
    ObjectNode candidate = body.putArray("candidates").addObject();
    ObjectNode content = candidate.putObject("content");
    ArrayNode parts = content.putArray("parts");
    if (text != null) {
      parts.addObject().put("text", text);
    }
    content.put("role", "model");
    candidate.put("finishReason", finishReason);
    candidate.put("index", 0);
    if (finishReason.equals("SAFETY")) {
      candidate.remove("content");
      candidate
          .putArray("safetyRatings")
          .addObject()
          .put("category", "HARM_CATEGORY_DANGEROUS_CONTENT")
          .put("probability", "HIGH")
          .put("blocked", true);
    }
    long answerTokens = text == null ? 0 : Math.max(1, text.length() / 4);
    usage(body, promptTokens, answerTokens);
    body.put("modelVersion", model);
    body.put("responseId", "stub-" + Long.toHexString(System.identityHashCode(body)));
    return StubJson.reply(200, body);
  }

  private static Reply blocked(String reason, long promptTokens) {
    ObjectNode body = StubJson.object();
    ObjectNode feedback = body.putObject("promptFeedback");
    feedback.put("blockReason", reason);
    feedback
        .putArray("safetyRatings")
        .addObject()
        .put("category", "HARM_CATEGORY_SEXUALLY_EXPLICIT")
        .put("probability", "HIGH");
    usage(body, promptTokens, 0);
    return StubJson.reply(200, body);
  }

  private static void usage(ObjectNode body, long prompt, long answer) {
    ObjectNode usage = body.putObject("usageMetadata");
    usage.put("promptTokenCount", prompt);
    if (answer > 0) {
      usage.put("candidatesTokenCount", answer);
    }
    usage.put("totalTokenCount", prompt + answer);
  }

  private static JsonNode either(JsonNode node, String snake, String camel) {
    return node.has(snake) ? node.path(snake) : node.path(camel);
  }

  private static Optional<String> unknownField(JsonNode node, Set<String> known, String at) {
    if (!node.isObject()) {
      return Optional.empty();
    }
    for (String field : node.propertyNames()) {
      if (!known.contains(field)) {
        return Optional.of(
            "Invalid JSON payload received. Unknown name \""
                + field
                + "\""
                + (at.isEmpty() ? "" : " at '" + at + "'")
                + ": Cannot find field.");
      }
    }
    return Optional.empty();
  }

  @Override
  public void close() {
    server.close();
  }
}
