package dev.reelforge.providers.imagegen;

import dev.reelforge.core.cost.Prices;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.imagegen.GeneratedImage;
import dev.reelforge.core.imagegen.ImageGenerator;
import dev.reelforge.core.imagegen.ImageRequest;
import dev.reelforge.core.licence.MediaLicence;
import dev.reelforge.providers.http.Endpoint;
import dev.reelforge.providers.http.Json;
import dev.reelforge.providers.http.Meter;
import dev.reelforge.providers.http.ProviderHttp;
import dev.reelforge.providers.http.ProviderResponse;
import dev.reelforge.providers.http.Sleeper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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

  public static final String NAME = "fal";

  /**
   * @param model e.g. {@code fal-ai/flux/dev}, {@code fal-ai/flux/schnell}
   * @param pollEvery wait between status checks
   * @param deadline how long a generation may take, queueing included
   */
  public record Options(String model, Duration pollEvery, Duration deadline) {}

  private final Endpoint endpoint;
  private final Options options;
  private final ProviderHttp http;
  private final Meter meter;
  private final Clock clock;
  private final Sleeper sleeper;

  public FalFluxImages(
      Endpoint endpoint,
      Options options,
      ProviderHttp http,
      Meter meter,
      Clock clock,
      Sleeper sleeper) {
    this.endpoint = endpoint;
    this.options = options;
    this.http = http;
    this.meter = meter;
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
    ProviderResponse submitted =
        http.send(
            authorised(HttpRequest.newBuilder(endpoint.uri("/" + options.model())))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))
                .build());
    JsonNode queued = Json.parse(submitted, NAME);
    String statusUrl = queued.path("status_url").asString("");
    String responseUrl = queued.path("response_url").asString("");
    if (statusUrl.isEmpty() || responseUrl.isEmpty()) {
      throw new ReelForgeException(
          ErrorCode.EXTERNAL_API_ERROR, "fal.ai did not queue the request");
    }
    awaitCompletion(statusUrl, queued.path("cancel_url").asString(""));
    ProviderResponse done =
        http.send(authorised(HttpRequest.newBuilder(URI.create(responseUrl))).GET().build());
    meter.record("image", options.model(), 1, "images", Prices.IMAGE_EACH, done);
    JsonNode result = Json.parse(done, NAME);
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
    Path file = ImageFiles.download(http, URI.create(url), directory, stem);
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
      JsonNode status =
          Json.parse(
              http.send(authorised(HttpRequest.newBuilder(URI.create(statusUrl))).GET().build()),
              NAME);
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
      http.send(
          authorised(HttpRequest.newBuilder(URI.create(cancelUrl)))
              .PUT(HttpRequest.BodyPublishers.noBody())
              .build());
    } catch (ReelForgeException ignored) {
      // The deadline error that follows is what the caller needs; fal.ai expires queued work.
    }
  }

  private HttpRequest.Builder authorised(HttpRequest.Builder builder) {
    return builder.header("Authorization", "Key " + endpoint.apiKey());
  }
}
