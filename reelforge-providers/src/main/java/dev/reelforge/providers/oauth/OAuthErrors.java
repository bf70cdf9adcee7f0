package dev.reelforge.providers.oauth;

import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.publish.accounts.PlatformOAuth;
import dev.reelforge.providers.http.Json;
import dev.reelforge.providers.http.VendorErrors;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * How the authorization servers say a grant is refused: RFC 6749's {@code {"error":
 * "invalid_grant", "error_description": …}} (Google; TikTok, sometimes with status 200) and Meta's
 * {@code {"error": {"type": "OAuthException", "message": …}}}. A refusal is final: the user must
 * authorize again.
 */
final class OAuthErrors implements VendorErrors {

  /** The RFC 6749 codes that mean this grant will never work, whatever is retried. */
  private static final Set<String> REFUSALS =
      Set.of("invalid_grant", "invalid_request", "unauthorized_client", "access_denied");

  private final String platform;

  OAuthErrors(String platform) {
    this.platform = platform;
  }

  @Override
  public Optional<ReelForgeException> read(int status, byte[] body) {
    if (status >= 500 || status == 429 || status == 408) {
      return Optional.empty();
    }
    return refusal(parse(body));
  }

  /** The refusal an answer's body states, also for a 200 that carries an error (TikTok). */
  Optional<ReelForgeException> refusal(JsonNode root) {
    if (root == null) {
      return Optional.empty();
    }
    JsonNode error = root.path("error");
    if (error.isString() && REFUSALS.contains(error.asString())) {
      String why = root.path("error_description").asString("");
      return Optional.of(refused(error.asString() + (why.isEmpty() ? "" : ": " + why)));
    }
    if (error.isObject()
        && "OAuthException".equals(error.path("type").asString(""))
        && !META_RATE_LIMITS.contains(error.path("code").asInt(0))
        && !error.path("is_transient").asBoolean(false)) {
      return Optional.of(refused(error.path("message").asString("OAuthException")));
    }
    return Optional.empty();
  }

  /**
   * Meta's rate-limit codes, which it also sends as OAuthException: a busy platform, not a refused
   * grant (the account must not be marked for reconnecting).
   */
  private static final java.util.Set<Integer> META_RATE_LIMITS = java.util.Set.of(4, 17, 32, 613);

  PlatformOAuth.TokenRefused refused(String why) {
    return new PlatformOAuth.TokenRefused(platform + " refused the grant (" + shorten(why) + ")");
  }

  static JsonNode parse(byte[] body) {
    try {
      return Json.MAPPER.readTree(body);
    } catch (RuntimeException notJson) {
      return null;
    }
  }

  private static String shorten(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }
}
