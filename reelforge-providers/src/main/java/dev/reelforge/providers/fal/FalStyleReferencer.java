package dev.reelforge.providers.fal;

import dev.reelforge.core.brand.BrandAnalysis;
import dev.reelforge.core.brand.StyleReference;
import dev.reelforge.core.brand.StyleReferencer;
import dev.reelforge.core.cost.Prices;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.providers.brandvision.BrandImage;
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
 * Seed 001's style reference made by Flux-dev image-to-image on fal.ai's queue ({@code
 * fal-ai/flux/dev/image-to-image} by default): the upload goes as a {@code data:} URI in {@code
 * image_url}, the analysis's brand essence is the prompt, {@code strength} is the configured 0.3 to
 * 0.5 (low: clean the image, keep the brand) and the seed is sent and stored as fal.ai reports it.
 * The result is downloaded into the job's folder. An image the safety checker flags (fal.ai blacks
 * it out) is {@code CONTENT_REFUSED}.
 */
public final class FalStyleReferencer implements StyleReferencer {

  public static final String NAME = FalFactory.NAME;

  /** Flux's seeds are unsigned 32-bit numbers; a seed outside that range is folded into it. */
  static final long SEED_RANGE = 1L << 32;

  private final JsonApiClient api;
  private final FalOptions options;
  private final FalQueue queue;

  FalStyleReferencer(JsonApiClient api, FalOptions options, Clock clock, Sleeper sleeper) {
    this.api = api;
    this.options = options;
    this.queue = new FalQueue(api, options, clock, sleeper);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public StyleReference reference(
      Path original, BrandAnalysis analysis, long seed, Path directory) {
    BrandImage picture = BrandImage.read(original);
    long sent = Math.floorMod(seed, SEED_RANGE);
    ObjectNode body = Json.object();
    body.put("image_url", picture.dataUri());
    body.put("prompt", analysis.brandEssencePrompt());
    body.put("strength", options.styleStrength());
    body.put("seed", sent);
    body.put("num_images", 1);
    body.put("enable_safety_checker", true);
    ProviderResponse done = queue.run(options.styleModel(), body);
    api.meter("style-reference", options.styleModel(), 1, "images", Prices.IMAGE_EACH, done);
    JsonNode result = api.json(done);
    if (result.path("has_nsfw_concepts").path(0).asBoolean(false)) {
      throw new ReelForgeException(
          ErrorCode.CONTENT_REFUSED,
          "fal.ai's safety checker flagged the style reference made from this image; upload"
              + " another image",
          false,
          List.of(),
          null);
    }
    String url = result.path("images").path(0).path("url").asString("");
    if (url.isEmpty()) {
      throw new ReelForgeException(
          ErrorCode.EXTERNAL_API_ERROR, "fal.ai returned no style reference image");
    }
    long used = result.path("seed").canConvertToLong() ? result.path("seed").asLong() : sent;
    Path file = ImageFiles.download(api, URI.create(url), directory, "style-reference-" + used);
    return new StyleReference(file, StyleReference.FLUX_DEV_IMG2IMG, options.styleStrength(), used);
  }
}
