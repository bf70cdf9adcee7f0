package dev.reelforge.providers.gemini;

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
import dev.reelforge.providers.http.ProviderResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Brand analysis by a Gemini model: {@code POST /models/{model}:generateContent} with the image as
 * {@code inline_data} (base64 and its MIME type), the instructions as {@code system_instruction}
 * and the answer constrained by {@code generationConfig.responseMimeType: application/json} and a
 * {@code responseSchema} ({@link BrandAnswerSchema#geminiSchema()}). A prompt Google blocks ({@code
 * promptFeedback.blockReason}) or an answer stopped by a safety filter ({@code finishReason} {@code
 * SAFETY}, {@code PROHIBITED_CONTENT}…) is {@code CONTENT_REFUSED}; an answer cut off at the token
 * limit or not in the schema is a retryable provider error. Tokens are metered.
 */
public final class GeminiBrandAnalyzer implements BrandAnalyzer {

  public static final String NAME = GeminiFactory.NAME;

  /** The finish reasons Google documents for output its filters stopped. */
  static final Set<String> REFUSED =
      Set.of("SAFETY", "PROHIBITED_CONTENT", "BLOCKLIST", "SPII", "IMAGE_SAFETY", "RECITATION");

  /** Analysis wants facts, not invention: a low temperature. */
  static final double TEMPERATURE = 0.2;

  private final JsonApiClient api;
  private final String model;

  GeminiBrandAnalyzer(JsonApiClient api, String model) {
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
    body.putObject("system_instruction")
        .putArray("parts")
        .addObject()
        .put("text", BrandAnswerSchema.INSTRUCTIONS);
    ObjectNode content = body.putArray("contents").addObject();
    content.put("role", "user");
    ArrayNode parts = content.putArray("parts");
    parts
        .addObject()
        .putObject("inline_data")
        .put("mime_type", picture.mimeType())
        .put("data", picture.base64());
    parts.addObject().put("text", BrandAnswerSchema.TASK);
    ObjectNode config = body.putObject("generationConfig");
    config.put("responseMimeType", "application/json");
    config.set("responseSchema", BrandAnswerSchema.geminiSchema());
    config.put("temperature", TEMPERATURE);

    ProviderResponse response = api.post("/models/" + model + ":generateContent", body);
    JsonNode answer = api.json(response);
    long tokens = answer.path("usageMetadata").path("totalTokenCount").asLong(0);
    api.meter(
        "brand-analysis",
        answer.path("modelVersion").asString(model),
        tokens,
        "tokens",
        Prices.perThousand(tokens, Prices.TEXT_PER_1K_TOKENS),
        response);
    String blocked = answer.path("promptFeedback").path("blockReason").asString("");
    if (!blocked.isEmpty()) {
      throw refused("blocked the image and prompt (blockReason " + blocked + ")");
    }
    JsonNode candidate = answer.path("candidates").path(0);
    if (candidate.isMissingNode()) {
      throw new ReelForgeException(
          ErrorCode.EXTERNAL_API_ERROR,
          "Gemini answered without a candidate",
          true,
          List.of(),
          null);
    }
    String finish = candidate.path("finishReason").asString("");
    if (REFUSED.contains(finish)) {
      throw refused("stopped the answer (finishReason " + finish + ")");
    }
    if (finish.equals("MAX_TOKENS")) {
      throw new ReelForgeException(
          ErrorCode.EXTERNAL_API_ERROR,
          "Gemini's brand analysis was cut off at its token limit",
          true,
          List.of(),
          null);
    }
    return BrandAnswer.parse(text(candidate), "Gemini").toAnalysis(picture, NAME + "/" + model);
  }

  /** The answer's text parts joined; a thinking model's thoughts are left out. */
  private static String text(JsonNode candidate) {
    StringBuilder text = new StringBuilder();
    for (JsonNode part : candidate.path("content").path("parts")) {
      if (!part.path("thought").asBoolean(false) && part.path("text").isString()) {
        text.append(part.path("text").asString());
      }
    }
    return text.toString();
  }

  private static ReelForgeException refused(String what) {
    return new ReelForgeException(
        ErrorCode.CONTENT_REFUSED,
        "Gemini's safety filter " + what + "; upload another image",
        false,
        List.of(),
        null);
  }
}
