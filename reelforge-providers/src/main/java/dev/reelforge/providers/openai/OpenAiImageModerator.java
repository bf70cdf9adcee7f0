package dev.reelforge.providers.openai;

import dev.reelforge.core.cost.Prices;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.moderation.ImageModerator;
import dev.reelforge.core.moderation.ModerationResult;
import dev.reelforge.providers.http.Json;
import dev.reelforge.providers.http.JsonApiClient;
import dev.reelforge.providers.http.ProviderResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI's moderation endpoint for pictures: {@code omni-moderation-latest} with {@code input:
 * [{type: image_url, image_url: {url: data:image/png;base64,...}}]} (free of charge). Scores map
 * onto our categories as for text ({@link OpenAiModerator}). OpenAI judges only sexual content,
 * self-harm and violence in images ({@code category_applied_input_types}); the verdict says that
 * the other categories went unchecked.
 */
public final class OpenAiImageModerator implements ImageModerator {

  public static final String NAME = OpenAiFactory.NAME;

  /** Said of every picture: which categories OpenAI does not apply to images. */
  public static final String IMAGE_CATEGORIES_ONLY =
      "hate, harassment and illicit content in pictures not judged: OpenAI applies only sexual,"
          + " self-harm and violence to images";

  private final JsonApiClient api;
  private final String model;

  OpenAiImageModerator(JsonApiClient api, String model) {
    this.api = api;
    this.model = model;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ModerationResult moderate(Path picture) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(picture);
    } catch (IOException e) {
      throw new ReelForgeException(
          ErrorCode.INVALID_INPUT, "picture " + picture.getFileName() + " cannot be read");
    }
    ObjectNode body = Json.object();
    body.put("model", model);
    ObjectNode part = body.putArray("input").addObject();
    part.put("type", "image_url");
    part.putObject("image_url")
        .put(
            "url",
            "data:" + mediaType(picture) + ";base64," + Base64.getEncoder().encodeToString(bytes));
    ProviderResponse response = api.post("/moderations", body);
    api.meter("moderation", model, 1, "images", Prices.FREE, response);
    JsonNode result = api.json(response).path("results").path(0);
    return new ModerationResult(
        OpenAiModerator.flags(result), NAME + "/" + model, List.of(IMAGE_CATEGORIES_ONLY));
  }

  private static String mediaType(Path picture) {
    String name = picture.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
      return "image/jpeg";
    }
    if (name.endsWith(".webp")) {
      return "image/webp";
    }
    return "image/png";
  }
}
