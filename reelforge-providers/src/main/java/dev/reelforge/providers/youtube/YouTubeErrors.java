package dev.reelforge.providers.youtube;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.providers.http.HttpErrors;
import dev.reelforge.providers.http.Json;
import dev.reelforge.providers.publish.PlatformHttp.Reply;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What YouTube's error answers mean, read from Google's envelope {@code {"error":{"code",
 * "message","errors":[{"domain","reason","message"}]}}}: the reason says what the status cannot (a
 * 403 is the day's quota, a rate limit, or a channel that may not upload).
 */
final class YouTubeErrors {

  /** Reasons that last until YouTube's quota day turns (midnight Pacific time). */
  static final Set<String> QUOTA_REASONS =
      Set.of("quotaExceeded", "uploadLimitExceeded", "dailyLimitExceeded");

  /** Short-term limits: the next attempt, a little later, may pass. */
  private static final Set<String> RATE_REASONS =
      Set.of("rateLimitExceeded", "userRateLimitExceeded", "backendError");

  private YouTubeErrors() {}

  /** The day's quota is spent: the publisher answers {@code Deferred}, never an error. */
  static final class QuotaReached extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String reason;

    QuotaReached(String reason, String message) {
      super(message, null, false, false);
      this.reason = reason;
    }
  }

  /**
   * The error {@code reply} (not 2xx, not a protocol step) means.
   *
   * @throws QuotaReached for the day's quota or upload limit
   */
  static ReelForgeException read(Reply reply) {
    JsonNode error = parse(reply.body()).path("error");
    String reason = error.path("errors").path(0).path("reason").asString("");
    String message = error.path("message").asString("");
    if (QUOTA_REASONS.contains(reason)) {
      throw new QuotaReached(reason, message);
    }
    String said = said(reply.status(), reason, message);
    if (reply.status() == 401) {
      return new ReelForgeException(
          ErrorCode.AUTH_REQUIRED,
          "YouTube refused the account's token" + said + "; connect the YouTube account again",
          false,
          List.of(),
          null);
    }
    if (RATE_REASONS.contains(reason) || HttpErrors.isTransient(reply.status())) {
      return new ReelForgeException(
          reply.status() == 429 || reason.contains("RateLimit") || reason.startsWith("rate")
              ? ErrorCode.EXTERNAL_RATE_LIMIT
              : ErrorCode.EXTERNAL_API_ERROR,
          "YouTube failed" + said,
          true,
          List.of(),
          null);
    }
    return new ReelForgeException(
        reply.status() == 403 ? ErrorCode.FORBIDDEN : ErrorCode.EXTERNAL_API_ERROR,
        "YouTube rejected the upload" + said,
        false,
        List.of(),
        null);
  }

  private static String said(int status, String reason, String message) {
    return " (HTTP "
        + status
        + (reason.isEmpty() ? "" : " " + reason)
        + ")"
        + (message.isBlank() ? "" : ": " + message.strip());
  }

  static JsonNode parse(byte[] body) {
    try {
      JsonNode root = Json.MAPPER.readTree(body);
      return root == null ? Json.object() : root;
    } catch (RuntimeException notJson) {
      return Json.object();
    }
  }
}
