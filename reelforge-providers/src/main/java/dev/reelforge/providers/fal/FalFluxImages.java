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
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * fal.ai's queue API for Flux: submit ({@code POST /{model}}), poll the returned {@code status_url}
 * until {@code COMPLETED}, read the {@code response_url}, then download the image. The key goes in
 * {@code Authorization: Key …}. Polling waits {@code pollEvery} between checks and gives up after
 * {@code deadline} (the request is then cancelled through its {@code cancel_url}). An image the
 * safety checker flags is refused as the user's input.
 */
public final class FalFluxImages implements ImageGenerator {

  public static final String NAME = FalFactory.NAME;

  private final JsonApiClient api;
  private final FalOptions options;
  private final Clock clock;
  private final Sleeper sleeper;

  FalFluxImages(JsonApiClient api, FalOptions options, Clock clock, Sleeper sleeper) {
    this.api = api;
    this.options = options;
    this.clock = clock;
    this.sleeper = sleeper;
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
    JsonNode queued = api.json(api.post("/" + options.model(), body));
    String statusUrl = queued.path("status_url").asString("");
    String responseUrl = queued.path("response_url").asString("");
    if (statusUrl.isEmpty() || responseUrl.isEmpty()) {
      throw new ReelForgeException(
          ErrorCode.EXTERNAL_API_ERROR, "fal.ai did not queue the request");
    }
    awaitCompletion(statusUrl, queued.path("cancel_url").asString(""));
    ProviderResponse done = api.send(HttpRequest.newBuilder(URI.create(responseUrl)).GET());
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

  private void awaitCompletion(String statusUrl, String cancelUrl) {
    Instant giveUpAt = clock.instant().plus(options.deadline());
    while (true) {
      JsonNode status = api.json(api.send(HttpRequest.newBuilder(URI.create(statusUrl)).GET()));
      String state = status.path("status").asString("");
      if (state.equals("COMPLETED")) {
        if (status.path("error").isString()) {
          throw new ReelForgeException(
              ErrorCode.EXTERNAL_API_ERROR, "fal.ai failed: " + status.path("error").asString());
        }
        return;
      }
      if (!state.equals("IN_QUEUE") && !state.equals("IN_PROGRESS")) {
        throw new ReelForgeException(
            ErrorCode.EXTERNAL_API_ERROR, "fal.ai reported an unknown status '" + state + "'");
      }
      if (!clock.instant().plus(options.pollEvery()).isBefore(giveUpAt)) {
        cancel(cancelUrl);
        throw new ReelForgeException(
            ErrorCode.EXTERNAL_API_TIMEOUT,
            "fal.ai did not finish within "
                + options.deadline().toSeconds()
                + " s (last status "
                + state
                + ")",
            true,
            List.of(),
            null);
      }
      try {
        sleeper.sleep(options.pollEvery());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        cancel(cancelUrl);
        throw new ReelForgeException(
            ErrorCode.SERVICE_UNAVAILABLE,
            "interrupted while waiting for fal.ai",
            true,
            List.of(),
            e);
      }
    }
  }

  /** Best effort: an abandoned request should not run (and bill) on. */
  private void cancel(String cancelUrl) {
    if (cancelUrl.isEmpty()) {
      return;
    }
    try {
      api.send(
          HttpRequest.newBuilder(URI.create(cancelUrl)).PUT(HttpRequest.BodyPublishers.noBody()));
    } catch (ReelForgeException ignored) {
      // The deadline error that follows is what the caller needs; fal.ai expires queued work.
    }
  }
}
