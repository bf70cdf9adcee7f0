package dev.reelforge.providers.fal;

import dev.reelforge.core.cost.Prices;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.imagegen.GeneratedImage;
import dev.reelforge.core.imagegen.ImageGenerator;
import dev.reelforge.core.imagegen.ImageRequest;
import dev.reelforge.core.licence.MediaLicence;
import dev.reelforge.providers.http.Json;
import dev.reelforge.providers.http.JsonApiClient;
import dev.reelforge.providers.http.ProviderResponse;
import dev.reelforge.providers.http.Sleeper;
import dev.reelforge.providers.imagegen.ImageFiles;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * fal.ai's queue API for Flux ({@link FalQueue}: submit, poll, read the result), then a download of
 * the image. The key goes in {@code Authorization: Key …}. An image the safety checker flags is
 * refused as the user's input.
 */
public final class FalFluxImages implements ImageGenerator {

  public static final String NAME = FalFactory.NAME;

  private final JsonApiClient api;
  private final FalOptions options;
  private final FalQueue queue;

  FalFluxImages(JsonApiClient api, FalOptions options, Clock clock, Sleeper sleeper) {
    this.api = api;
    this.options = options;
    this.queue = new FalQueue(api, options, clock, sleeper);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public GeneratedImage generate(ImageRequest request, Path directory) {
    ObjectNode body = Json.object();
    body.put("prompt", request.prompt());
    ObjectNode size = body.putObject("image_size");
    size.put("width", request.width());
    size.put("height", request.height());
    body.put("num_images", 1);
    body.put("seed", request.seed());
    body.put("enable_safety_checker", true);
    ProviderResponse done = queue.run(options.model(), body);
    api.meter("image", options.model(), 1, "images", Prices.IMAGE_EACH, done);
    JsonNode result = api.json(done);
    if (result.path("has_nsfw_concepts").path(0).asBoolean(false)) {
      throw new ReelForgeException(
          ErrorCode.INVALID_INPUT,
          "fal.ai's safety checker flagged the generated image; change the prompt",
          false,
          List.of(),
          null);
    }
    JsonNode image = result.path("images").path(0);
    String url = image.path("url").asString("");
    if (url.isEmpty()) {
      throw new ReelForgeException(ErrorCode.EXTERNAL_API_ERROR, "fal.ai returned no image");
    }
    String stem = "fal-" + Long.toHexString(request.seed() ^ request.prompt().hashCode());
    Path file = ImageFiles.download(api, URI.create(url), directory, stem);
    int[] actual =
        ImageFiles.size(
            file,
            new int[] {
              image.path("width").asInt(request.width()),
              image.path("height").asInt(request.height())
            });
    return new GeneratedImage(
        file,
        actual[0],
        actual[1],
        NAME + "/" + options.model(),
        request.prompt(),
        new MediaLicence(
            NAME,
            "generated with " + options.model(),
            "fal.ai Terms of Service; FLUX.1 model licence",
            "https://fal.ai/terms"));
  }
}
