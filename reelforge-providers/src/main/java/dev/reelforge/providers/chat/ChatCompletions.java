package dev.reelforge.providers.chat;

import dev.reelforge.core.cost.Prices;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.providers.http.Json;
import dev.reelforge.providers.http.JsonApiClient;
import dev.reelforge.providers.http.ProviderResponse;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One {@code POST /chat/completions} call answered in a JSON shape: the schema sent as strict
 * structured output or, for JSON mode, left to the prompt; tokens metered; a refusal, a cut-off or
 * an empty answer is a {@code SCRIPT_GENERATION_FAILED}.
 */
final class ChatCompletions {

  private final JsonApiClient api;
  private final ChatOptions options;

  ChatCompletions(JsonApiClient api, ChatOptions options) {
    this.api = api;
    this.options = options;
  }

  /**
   * The model's answer to {@code messages}, constrained to {@code schema} named {@code schemaName};
   * {@code what} names the thing asked for in errors ("script", "post copy").
   */
  String complete(ArrayNode messages, String schemaName, ObjectNode schema, String what) {
    ObjectNode body = Json.object();
    body.put("model", options.model());
    body.set("messages", messages.deepCopy());
    body.put("temperature", options.temperature());
    ObjectNode format = body.putObject("response_format");
    if (options.structuredOutput() == StructuredOutput.JSON_SCHEMA) {
      format.put("type", "json_schema");
      ObjectNode jsonSchema = format.putObject("json_schema");
      jsonSchema.put("name", schemaName);
      jsonSchema.put("strict", true);
      jsonSchema.set("schema", schema);
    } else {
      format.put("type", "json_object");
    }
    ProviderResponse response = api.post("/chat/completions", body);
    JsonNode answer = api.json(response);
    JsonNode usage = answer.path("usage");
    long tokens = usage.path("total_tokens").asLong(0);
    api.meter(
        "chat",
        answer.path("model").asString(options.model()),
        tokens,
        "tokens",
        Prices.perThousand(tokens, Prices.TEXT_PER_1K_TOKENS),
        response);
    JsonNode choice = answer.path("choices").path(0);
    JsonNode message = choice.path("message");
    if (message.path("refusal").isString() && !message.path("refusal").asString().isBlank()) {
      throw new ReelForgeException(
          ErrorCode.SCRIPT_GENERATION_FAILED,
          "the model refused to write this " + what + ": " + message.path("refusal").asString(),
          false,
          List.of(),
          null);
    }
    if ("length".equals(choice.path("finish_reason").asString(""))) {
      throw new ReelForgeException(
          ErrorCode.SCRIPT_GENERATION_FAILED,
          "the model's answer was cut off at its token limit",
          true,
          List.of(),
          null);
    }
    String content = message.path("content").asString("");
    if (content.isBlank()) {
      throw new ReelForgeException(
          ErrorCode.SCRIPT_GENERATION_FAILED,
          "the model returned an empty answer",
          true,
          List.of(),
          null);
    }
    return content;
  }

  /** {@code content} read as JSON, without the Markdown fence some local models add. */
  static JsonNode readJson(String content) {
    try {
      return Json.MAPPER.readTree(stripFence(content));
    } catch (RuntimeException e) {
      throw new ReelForgeException(
          ErrorCode.SCRIPT_GENERATION_FAILED, "the model's answer is not JSON", true, List.of(), e);
    }
  }

  /** Some local models wrap JSON in a Markdown fence even in JSON mode. */
  private static String stripFence(String content) {
    String stripped = content.strip();
    if (stripped.startsWith("```")) {
      stripped = stripped.replaceFirst("^```(?:json)?\\s*", "").replaceFirst("\\s*```$", "");
    }
    return stripped;
  }
}
