package dev.reelforge.providers.tiktok;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.providers.http.HttpErrors;
import dev.reelforge.providers.http.Json;
import dev.reelforge.providers.publish.PlatformHttp.Reply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What TikTok's error envelope {@code {"error":{"code","message","log_id"}}} means. Its codes say
 * what the status cannot: a rate limit and the daily post cap are waits (the publisher answers
 * {@code Deferred}), a bad token means connecting the account again.
 */
final class TikTokErrors {

  /**
   * How long a rate limit defers when TikTok gives no {@code Retry-After}: its limits are per
   * minute.
   */
  static final Duration RATE_LIMIT_WAIT = Duration.ofMinutes(1);

  /** TikTok caps posts per creator per day; the cap is rolling, so a day from now is safe. */
  static final Duration POST_CAP_WAIT = Duration.ofHours(24);

  private static final Set<String> AUTH =
      Set.of("access_token_invalid", "scope_not_authorized", "scope_permission_missed");

  private static final Set<String> POST_CAP =
      Set.of("spam_risk_too_many_posts", "spam_risk_too_many_pending_share");

  private TikTokErrors() {}

  /** A wait TikTok asked for: the publisher answers {@code Deferred}, never an error. */
  static final class Wait extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Instant until;

    Wait(Instant until, String reason) {
      super(reason, null, false, false);
      this.until = until;
    }
  }

  /** The envelope's code; {@code ok} when the call succeeded. */
  static String code(JsonNode root) {
    return root.path("error").path("code").asString("ok");
  }

  /**
   * The error {@code reply} means (its status not 2xx, or its envelope's code not {@code ok}).
   *
   * @throws Wait for a rate limit or the daily post cap
   */
  static ReelForgeException read(Reply reply, Clock clock) {
    JsonNode error = parse(reply.body()).path("error");
    String code = error.path("code").asString("");
    String message = error.path("message").asString("");
    String said = said(reply.status(), code, message, error.path("log_id").asString(""));
    if (code.equals("rate_limit_exceeded") || (code.isEmpty() && reply.status() == 429)) {
      Duration wait =
          reply
              .headers()
              .firstValue("Retry-After")
              .flatMap(TikTokErrors::seconds)
              .orElse(RATE_LIMIT_WAIT);
      throw new Wait(clock.instant().plus(wait), "TikTok's rate limit" + said);
    }
    if (POST_CAP.contains(code)) {
      throw new Wait(
          clock.instant().plus(POST_CAP_WAIT),
          "the TikTok account reached its daily post cap" + said);
    }
    if (AUTH.contains(code) || reply.status() == 401) {
      return new ReelForgeException(
          ErrorCode.AUTH_REQUIRED,
          "TikTok refused the account's token" + said + "; connect the TikTok account again",
          false,
          List.of(),
          null);
    }
    if (code.equals("privacy_level_option_mismatch")) {
      return ReelForgeException.invalidField(
          "privacy", "the TikTok account does not offer this privacy level" + said);
    }
    if (HttpErrors.isTransient(reply.status()) || code.equals("internal_error")) {
      return new ReelForgeException(
          ErrorCode.EXTERNAL_API_ERROR, "TikTok failed" + said, true, List.of(), null);
    }
    return new ReelForgeException(
        ErrorCode.EXTERNAL_API_ERROR, "TikTok rejected the request" + said, false, List.of(), null);
  }

  private static java.util.Optional<Duration> seconds(String value) {
    try {
      return java.util.Optional.of(Duration.ofSeconds(Math.max(1, Long.parseLong(value.strip()))));
    } catch (NumberFormatException notSeconds) {
      return java.util.Optional.empty();
    }
  }

  private static String said(int status, String code, String message, String logId) {
    return " (HTTP "
        + status
        + (code.isEmpty() ? "" : " " + code)
        + (logId.isEmpty() ? "" : ", log_id " + logId)
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
