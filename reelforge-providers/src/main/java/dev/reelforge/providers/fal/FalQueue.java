package dev.reelforge.providers.fal;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.providers.http.JsonApiClient;
import dev.reelforge.providers.http.ProviderResponse;
import dev.reelforge.providers.http.Sleeper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * fal.ai's queue protocol, the same for every model: submit ({@code POST /{model}}), poll the
 * returned {@code status_url} until {@code COMPLETED}, then read the {@code response_url}. Polling
 * waits {@code pollEvery} between checks and gives up after {@code deadline}, cancelling the
 * request through its {@code cancel_url} so that it does not run (and bill) on.
 */
final class FalQueue {

  private final JsonApiClient api;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration pollEvery;
  private final Duration deadline;

  FalQueue(JsonApiClient api, FalOptions options, Clock clock, Sleeper sleeper) {
    this.api = api;
    this.clock = clock;
    this.sleeper = sleeper;
    this.pollEvery = options.pollEvery();
    this.deadline = options.deadline();
  }

  /** Runs {@code input} on {@code model} and answers the finished result's response. */
  ProviderResponse run(String model, ObjectNode input) {
    JsonNode queued = api.json(api.post("/" + model, input));
    String statusUrl = queued.path("status_url").asString("");
    String responseUrl = queued.path("response_url").asString("");
    if (statusUrl.isEmpty() || responseUrl.isEmpty()) {
      throw new ReelForgeException(
          ErrorCode.EXTERNAL_API_ERROR, "fal.ai did not queue the request");
    }
    awaitCompletion(statusUrl, queued.path("cancel_url").asString(""));
    return api.send(HttpRequest.newBuilder(URI.create(responseUrl)).GET());
  }

  private void awaitCompletion(String statusUrl, String cancelUrl) {
    Instant giveUpAt = clock.instant().plus(deadline);
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
      if (!clock.instant().plus(pollEvery).isBefore(giveUpAt)) {
        cancel(cancelUrl);
        throw new ReelForgeException(
            ErrorCode.EXTERNAL_API_TIMEOUT,
            "fal.ai did not finish within "
                + deadline.toSeconds()
                + " s (last status "
                + state
                + ")",
            true,
            List.of(),
            null);
      }
      try {
        sleeper.sleep(pollEvery);
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
