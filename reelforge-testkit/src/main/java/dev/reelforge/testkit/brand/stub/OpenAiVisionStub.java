package dev.reelforge.testkit.brand.stub;

import dev.reelforge.testkit.stub.StubHttpServer;
import dev.reelforge.testkit.stub.StubHttpServer.Reply;
import dev.reelforge.testkit.stub.StubHttpServer.Request;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * OpenAI's Chat Completions with image input on a loopback port ({@code POST
 * /v1/chat/completions}), as documented: a bearer key, a vision model, content parts of {@code
 * text} and {@code image_url} whose URL is a base64 {@code data:} URL of a PNG, JPEG, GIF or WebP
 * of at most 20 MB with {@code detail} {@code auto}, {@code low} or {@code high}, and {@code
 * response_format} checked ({@code json_schema} strict against OpenAI's rules, JSON mode needing
 * the word "json"). It answers with what {@link StubBrandModel} sees in the picture, cut to the
 * requested schema, in the {@code chat.completion} envelope with usage; errors in OpenAI's shape.
 *
 * <p>Failures for the next calls: 429 ({@code rate_limit_exceeded}) or 5xx, a refusal ({@code
 * message.refusal}), an answer that is not JSON, one cut off at the token limit ({@code
 * finish_reason: length}) and a prompt refused under the content policy (400 {@code
 * content_policy_violation}).
 */
public final class OpenAiVisionStub implements AutoCloseable {

  /** Models of the API that read images and take strict structured outputs. */
  private static final Set<String> MODELS =
      Set.of(
          "gpt-4o",
          "gpt-4o-mini",
          "gpt-4.1",
          "gpt-4.1-mini",
          "gpt-4.1-nano",
          "gpt-5",
          "gpt-5-mini",
          "gpt-5-nano",
          "o4-mini");

  private static final long MAX_IMAGE_BYTES = 20L << 20;

  private enum Kind {
    STATUS,
    REFUSAL,
    NOT_JSON,
    CUT_OFF,
    CONTENT_POLICY
  }

  private record Fault(Kind kind, int status, String text) {}

  private final StubHttpServer server = new StubHttpServer();
  private final String apiKey;
  private final StubBrandModel model = new StubBrandModel();
  private final StubFaults<Fault> faults = new StubFaults<>();

  public OpenAiVisionStub(String apiKey) {
    this.apiKey = apiKey;
    server.route("POST", "/v1/chat/completions", this::complete);
  }

  /** The API's base URL here, with its version ({@code …/v1}). */
  public String baseUrl() {
    return server.baseUrl() + "/v1";
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

  /** The next {@code count} calls are answered {@code status} (429 or a 5xx) in OpenAI's shape. */
  public void failNext(int count, int status) {
    faults.add(new Fault(Kind.STATUS, status, ""), count);
  }

  /** The next call is refused by the model with {@code reason} in {@code message.refusal}. */
  public void refuseNext(String reason) {
    faults.add(new Fault(Kind.REFUSAL, 200, reason), 1);
  }

  /** The next call's content is not JSON. */
  public void answerNextMalformed() {
    faults.add(new Fault(Kind.NOT_JSON, 200, ""), 1);
  }

  /** The next answer stops at the token limit, its JSON unfinished. */
  public void cutOffNext() {
    faults.add(new Fault(Kind.CUT_OFF, 200, ""), 1);
  }

  /** The next request is refused under the content policy (400). */
  public void refuseNextUnderContentPolicy() {
    faults.add(new Fault(Kind.CONTENT_POLICY, 400, ""), 1);
  }

  /** Every request that reached the API, oldest first. */
  public List<Request> received() {
    return server.received();
  }

  /** The body of the last request, parsed. */
  public JsonNode lastRequest() {
    return StubJson.read(server.received().getLast().body());
  }

  private Reply complete(Request request) {
    Optional<Reply> unauthorised = ChatEnvelope.unauthorised(request, apiKey);
    if (unauthorised.isPresent()) {
      return unauthorised.get();
    }
    JsonNode body = StubJson.read(request.body());
    if (body == null || !body.isObject()) {
      return StubJson.openAiError(
          400,
          "We could not parse the JSON body of your request.",
          "invalid_request_error",
          null,
          null);
    }
    String name = body.path("model").asString("");
    if (!MODELS.contains(name)) {
      return StubJson.openAiError(
          404,
          "The model '" + name + "' does not exist or you do not have access to it.",
          "invalid_request_error",
          null,
          "model_not_found");
    }
    JsonNode messages = body.path("messages");
    if (!messages.isArray() || messages.isEmpty()) {
      return StubJson.openAiError(
          400,
          "Invalid 'messages': empty array. Expected an array with minimum length 1.",
          "invalid_request_error",
          "messages",
          "empty_array");
    }
    BufferedImage picture = null;
    for (int m = 0; m < messages.size(); m++) {
      JsonNode content = messages.path(m).path("content");
      for (int p = 0; content.isArray() && p < content.size(); p++) {
        JsonNode part = content.path(p);
        String type = part.path("type").asString("");
        String param = "messages[" + m + "].content[" + p + "]";
        if (type.equals("image_url")) {
          String url = part.path("image_url").path("url").asString("");
          String detail = part.path("image_url").path("detail").asString("auto");
          if (!Set.of("auto", "low", "high").contains(detail)) {
            return StubJson.openAiError(
                400,
                "Invalid value: '" + detail + "'. Supported values are: 'auto', 'low', and 'high'.",
                "invalid_request_error",
                param + ".image_url.detail",
                "invalid_value");
          }
          byte[] bytes = StubJson.dataUri(url, "png|jpeg|gif|webp");
          if (bytes == null) {
            return StubJson.openAiError(
                400,
                "Invalid '"
                    + param
                    + ".image_url.url'. Expected a base64-encoded data URL with an image MIME"
                    + " type (e.g. 'data:image/png;base64,aW1nIGJ5dGVzIGhlcmU=').",
                "invalid_request_error",
                param + ".image_url.url",
                "invalid_value");
          }
          if (bytes.length > MAX_IMAGE_BYTES) {
            return StubJson.openAiError(
                400,
                "Image too large: images must be at most 20 MB.",
                "invalid_request_error",
                param + ".image_url.url",
                "image_too_large");
          }
          picture = StubJson.picture(bytes);
          if (picture == null) {
            return StubJson.openAiError(
                400,
                "You uploaded an unsupported image. Please make sure your image is valid.",
                "invalid_request_error",
                null,
                "invalid_image");
          }
        } else if (!type.equals("text")) {
          return StubJson.openAiError(
              400,
              "Invalid value: '" + type + "'. Supported values are: 'text' and 'image_url'.",
              "invalid_request_error",
              param + ".type",
              "invalid_value");
        }
      }
    }
    Optional<Reply> invalid = ChatEnvelope.invalidFormat(body, true);
    if (invalid.isPresent()) {
      return invalid.get();
    }
    long tokens = ChatEnvelope.promptTokens(body) + (picture == null ? 0 : 765);
    String answer =
        StubJson.write(
            StubBrandModel.constrained(model.answer(picture), ChatEnvelope.requestedSchema(body)));
    String served = name + "-2025-stub";
    Fault fault = faults.next();
    if (fault == null) {
      return ChatEnvelope.completion(served, answer, null, "stop", tokens);
    }
    return switch (fault.kind()) {
      case STATUS ->
          fault.status() == 429
              ? StubJson.openAiError(
                  429,
                  "Rate limit reached for "
                      + name
                      + " on tokens per min (TPM): Limit 200000, Used 199500, Requested 1200."
                      + " Please try again in 210ms.",
                  "tokens",
                  null,
                  "rate_limit_exceeded")
              : StubJson.openAiError(
                  fault.status(),
                  "The server had an error while processing your request. Sorry about that!",
                  "server_error",
                  null,
                  null);
      case REFUSAL -> ChatEnvelope.completion(served, null, fault.text(), "stop", tokens);
      case NOT_JSON ->
          ChatEnvelope.completion(
              served, "Here is the analysis you asked for: a bold brand.", null, "stop", tokens);
      case CUT_OFF ->
          ChatEnvelope.completion(
              served, answer.substring(0, answer.length() / 2), null, "length", tokens);
      case CONTENT_POLICY ->
          StubJson.openAiError(
              400,
              "Your request was rejected as a result of our safety system.",
              "invalid_request_error",
              null,
              "content_policy_violation");
    };
  }

  @Override
  public void close() {
    server.close();
  }
}
