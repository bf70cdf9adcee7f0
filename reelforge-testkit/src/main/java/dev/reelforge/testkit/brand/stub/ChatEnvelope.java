package dev.reelforge.testkit.brand.stub;

import dev.reelforge.testkit.stub.StubHttpServer.Reply;
import dev.reelforge.testkit.stub.StubHttpServer.Request;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What every chat completions stub shares: the bearer key check, the {@code response_format} rules
 * (JSON mode needs the word "json" in the messages; a strict schema must pass {@link
 * OpenAiSchemaRules}) and the {@code chat.completion} envelope with usage.
 */
final class ChatEnvelope {

  private static final AtomicLong IDS = new AtomicLong();

  private ChatEnvelope() {}

  /** 401 in OpenAI's words unless the request carries {@code Authorization: Bearer apiKey}. */
  static Optional<Reply> unauthorised(Request request, String apiKey) {
    String header = request.header("Authorization");
    if (header == null || !header.startsWith("Bearer ")) {
      return Optional.of(
          StubJson.openAiError(
              401,
              "You didn't provide an API key. You need to provide your API key in an"
                  + " Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
              "invalid_request_error",
              null,
              null));
    }
    if (!header.substring("Bearer ".length()).equals(apiKey)) {
      return Optional.of(
          StubJson.openAiError(
              401,
              "Incorrect API key provided. You can find your API key at"
                  + " https://platform.openai.com/account/api-keys.",
              "invalid_request_error",
              null,
              "invalid_api_key"));
    }
    return Optional.empty();
  }

  /**
   * What is wrong with {@code response_format}, or empty: JSON mode needs "json" in a message;
   * {@code json_schema} needs a schema, and a strict one OpenAI's rules.
   */
  static Optional<Reply> invalidFormat(JsonNode body, boolean schemasSupported) {
    JsonNode format = body.path("response_format");
    String type = format.path("type").asString("text");
    switch (type) {
      case "text" -> {
        return Optional.empty();
      }
      case "json_object" -> {
        boolean mentionsJson = false;
        for (JsonNode message : body.path("messages")) {
          mentionsJson |= text(message).toLowerCase(Locale.ROOT).contains("json");
        }
        return mentionsJson
            ? Optional.empty()
            : Optional.of(
                StubJson.openAiError(
                    400,
                    "'messages' must contain the word 'json' in some form, to use"
                        + " 'response_format' of type 'json_object'.",
                    "invalid_request_error",
                    "messages",
                    null));
      }
      case "json_schema" -> {
        if (!schemasSupported) {
          return Optional.of(
              StubJson.openAiError(
                  400,
                  "This response_format type is unavailable now",
                  "invalid_request_error",
                  null,
                  "invalid_request_error"));
        }
        JsonNode schema = format.path("json_schema");
        if (!schema.path("schema").isObject()) {
          return Optional.of(
              StubJson.openAiError(
                  400,
                  "Missing required parameter: 'response_format.json_schema'.",
                  "invalid_request_error",
                  "response_format.json_schema",
                  "missing_required_parameter"));
        }
        if (schema.path("strict").asBoolean(false)) {
          return OpenAiSchemaRules.problem(
                  schema.path("name").asString(null), schema.path("schema"))
              .map(
                  why ->
                      StubJson.openAiError(
                          400, why, "invalid_request_error", "response_format", null));
        }
        return Optional.empty();
      }
      default -> {
        return Optional.of(
            StubJson.openAiError(
                400,
                "Invalid value: '"
                    + type
                    + "'. Supported values are: 'json_object', 'json_schema', and 'text'.",
                "invalid_request_error",
                "response_format.type",
                "invalid_value"));
      }
    }
  }

  /** The schema a {@code json_schema} response format asks for, or null. */
  static JsonNode requestedSchema(JsonNode body) {
    JsonNode format = body.path("response_format");
    return "json_schema".equals(format.path("type").asString(""))
        ? format.path("json_schema").path("schema")
        : null;
  }

  /** A message's text, whether its content is a string or a list of parts. */
  static String text(JsonNode message) {
    JsonNode content = message.path("content");
    if (content.isString()) {
      return content.asString();
    }
    StringBuilder text = new StringBuilder();
    for (JsonNode part : content) {
      if ("text".equals(part.path("type").asString(""))) {
        text.append(part.path("text").asString("")).append('\n');
      }
    }
    return text.toString();
  }

  /**
   * A {@code chat.completion} answer.
   *
   * @param content the message's content, null with a refusal
   * @param refusal the model's refusal, or null
   * @param finishReason {@code stop}, {@code length} or {@code content_filter}
   * @param promptTokens counted by the caller, for {@code usage}
   */
  static Reply completion(
      String model, String content, String refusal, String finishReason, long promptTokens) {
    ObjectNode body = StubJson.object();
    body.put("id", "chatcmpl-stub" + IDS.incrementAndGet());
    body.put("object", "chat.completion");
    body.put("created", 1_790_000_000L);
    body.put("model", model);
    ObjectNode choice = body.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode message = choice.putObject("message");
    message.put("role", "assistant");
    message.put("content", content);
    message.put("refusal", refusal);
    message.putArray("annotations");
    choice.putNull("logprobs");
    choice.put("finish_reason", finishReason);
    long completion = Math.max(1, (content == null ? 10 : content.length()) / 4);
    ObjectNode usage = body.putObject("usage");
    usage.put("prompt_tokens", promptTokens);
    usage.put("completion_tokens", completion);
    usage.put("total_tokens", promptTokens + completion);
    body.put("system_fingerprint", "fp_stub");
    return StubJson.reply(200, body);
  }

  /** About four characters a token, as OpenAI's rule of thumb has it. */
  static long promptTokens(JsonNode body) {
    long chars = 0;
    for (JsonNode message : body.path("messages")) {
      chars += text(message).length();
    }
    return Math.max(1, chars / 4);
  }
}
