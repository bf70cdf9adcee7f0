package dev.reelforge.providers.openai;

import dev.reelforge.core.cost.Prices;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.imagegen.GeneratedImage;
import dev.reelforge.core.imagegen.ImageGenerator;
import dev.reelforge.core.imagegen.ImageRequest;
import dev.reelforge.core.licence.MediaLicence;
import dev.reelforge.providers.http.Json;
import dev.reelforge.providers.http.JsonApiClient;
import dev.reelforge.providers.http.ProviderRejection;
import dev.reelforge.providers.http.ProviderResponse;
import dev.reelforge.providers.imagegen.ImageFiles;
import java.net.URI;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI Images ({@code POST /images/generations}). The API has fixed sizes, so the request's shape
 * picks the nearest: portrait, landscape or square ({@code gpt-image-1}: 1024×1536, 1536×1024,
 * 1024×1024; {@code dall-e-3}: 1024×1792, 1792×1024, 1024×1024). Images come back as base64 (or,
 * for older models, a URL that is fetched at once). A prompt refused by the content policy is the
 * user's input: {@code INVALID_INPUT}, not retried.
 */
public final class OpenAiImages implements ImageGenerator {

  public static final String NAME = OpenAiFactory.NAME;

  /**
   * The {@code error.code} values OpenAI answers a refused prompt with: DALL·E's content policy,
   * gpt-image-1's moderation.
   */
  static final Set<String> REFUSAL_CODES = Set.of("content_policy_violation", "moderation_blocked");

  private final JsonApiClient api;
  private final String model;

  OpenAiImages(JsonApiClient api, String model) {
    this.api = api;
    this.model = model;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public GeneratedImage generate(ImageRequest request, Path directory) {
    int[] size = size(request.width(), request.height());
    ObjectNode body = Json.object();
    body.put("model", model);
    body.put("prompt", request.prompt());
    body.put("n", 1);
    body.put("size", size[0] + "x" + size[1]);
    if (model.startsWith("dall-e")) {
      body.put("response_format", "b64_json");
    }
    ProviderResponse response;
    try {
      response = api.post("/images/generations", body);
    } catch (ProviderRejection e) {
      if (REFUSAL_CODES.contains(e.providerCode())) {
        throw new ReelForgeException(
            ErrorCode.INVALID_INPUT,
            "OpenAI refused the prompt under its content policy: " + e.providerMessage(),
            false,
            List.of(),
            e);
      }
      throw e;
    }
    api.meter("image", model, 1, "images", Prices.IMAGE_EACH, response);
    JsonNode image = api.json(response).path("data").path(0);
    String stem = "openai-" + Long.toHexString(request.seed() ^ request.prompt().hashCode());
    Path file;
    if (image.path("b64_json").isString()) {
      file =
          ImageFiles.store(
              Base64.getDecoder().decode(image.path("b64_json").asString()), directory, stem);
    } else if (image.path("url").isString()) {
      file = ImageFiles.download(api, URI.create(image.path("url").asString()), directory, stem);
    } else {
      throw new ReelForgeException(ErrorCode.EXTERNAL_API_ERROR, "OpenAI returned no image");
    }
    int[] actual = ImageFiles.size(file, size);
    return new GeneratedImage(
        file,
        actual[0],
        actual[1],
        NAME + "/" + model,
        image.path("revised_prompt").asString(request.prompt()),
        new MediaLicence(
            NAME,
            "generated with OpenAI " + model,
            "OpenAI Terms of Use (output assigned to the user)",
            "https://openai.com/policies/terms-of-use"));
  }

  private int[] size(int width, int height) {
    double ratio = (double) width / height;
    boolean dalle3 = model.startsWith("dall-e-3");
    int large = dalle3 ? 1792 : 1536;
    if (ratio < 0.85) {
      return new int[] {1024, large};
    }
    return ratio > 1.18 ? new int[] {large, 1024} : new int[] {1024, 1024};
  }
}
