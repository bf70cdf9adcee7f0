package dev.reelforge.providers.openai;

import dev.reelforge.core.brand.BrandAnalysis;
import dev.reelforge.core.brand.BrandAnalyzer;
import dev.reelforge.core.cost.Prices;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.providers.brandvision.BrandAnswer;
import dev.reelforge.providers.brandvision.BrandAnswerSchema;
import dev.reelforge.providers.brandvision.BrandImage;
import dev.reelforge.providers.http.Json;
import dev.reelforge.providers.http.JsonApiClient;
import dev.reelforge.providers.http.ProviderRejection;
import dev.reelforge.providers.http.ProviderResponse;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Brand analysis by an OpenAI vision model through Chat Completions ({@code POST
 * /chat/completions}): the image as an {@code image_url} content part holding a {@code data:} URL,
 * the answer constrained by {@code response_format: {type: json_schema, json_schema: {name, strict:
 * true, schema}}} ({@link BrandAnswerSchema#jsonSchema()}). The model's {@code refusal}, a {@code
 * content_filter} finish and a request refused under the content policy are {@code
 * CONTENT_REFUSED}; an answer cut off at the token limit or not in the schema is a retryable
 * provider error. Tokens are metered.
 */
public final class OpenAiBrandAnalyzer implements BrandAnalyzer {

  public static final String NAME = OpenAiFactory.NAME;

  /** {@code high} lets the model read small lettering in a logo; the tokens are metered. */
  static final String DETAIL = "high";

  private final JsonApiClient api;
  private final String model;

  OpenAiBrandAnalyzer(JsonApiClient api, String model) {
    this.api = api;
    this.model = model;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public BrandAnalysis analyze(Path image) {
    BrandImage picture = BrandImage.read(image);
    ObjectNode body = Json.object();
    body.put("model", model);
    ArrayNode messages = body.putArray("messages");
    messages.addObject().put("role", "system").put("content", BrandAnswerSchema.INSTRUCTIONS);
    ObjectNode user = messages.addObject().put("role", "user");
    ArrayNode content = user.putArray("content");
    content.addObject().put("type", "text").put("text", BrandAnswerSchema.TASK);
    content
        .addObject()
        .put("type", "image_url")
        .putObject("image_url")
        .put("url", picture.dataUri())
        .put("detail", DETAIL);
    ObjectNode format = body.putObject("response_format");
    format.put("type", "json_schema");
    ObjectNode schema = format.putObject("json_schema");
    schema.put("name", BrandAnswerSchema.NAME);
    schema.put("strict", true);
    schema.set("schema", BrandAnswerSchema.jsonSchema());

    ProviderResponse response;
    try {
      response = api.post("/chat/completions", body);
    } catch (ProviderRejection e) {
      if (OpenAiImages.REFUSAL_CODES.contains(e.providerCode())) {
        throw refused(e.providerMessage());
      }
      throw e;
    }
    JsonNode answer = api.json(response);
    long tokens = answer.path("usage").path("total_tokens").asLong(0);
    api.meter(
        "brand-analysis",
        answer.path("model").asString(model),
        tokens,
        "tokens",
        Prices.perThousand(tokens, Prices.TEXT_PER_1K_TOKENS),
        response);
    JsonNode choice = answer.path("choices").path(0);
    JsonNode message = choice.path("message");
    String refusal = message.path("refusal").asString("");
    String finish = choice.path("finish_reason").asString("");
    if (!refusal.isBlank() || finish.equals("content_filter")) {
      throw refused(refusal.isBlank() ? "finish_reason content_filter" : refusal);
    }
    if (finish.equals("length")) {
      throw new ReelForgeException(
          ErrorCode.EXTERNAL_API_ERROR,
          "OpenAI's brand analysis was cut off at its token limit",
          true,
          List.of(),
          null);
    }
    return BrandAnswer.parse(message.path("content").asString(""), "OpenAI")
        .toAnalysis(picture, NAME + "/" + model);
  }

  private static ReelForgeException refused(String reason) {
    return new ReelForgeException(
        ErrorCode.CONTENT_REFUSED,
        "OpenAI refused to analyse the image: " + reason + "; upload another image",
        false,
        List.of(),
        null);
  }
}
