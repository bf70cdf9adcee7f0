package dev.reelforge.providers.meta;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.providers.http.Json;
import dev.reelforge.providers.http.VendorErrors;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * How Graph API error envelopes map onto the error taxonomy, read before the generic status mapping
 * because Meta answers 400 for almost everything: 190 (token expired or invalid) needs the account
 * connected again; rate limits (4, 17, 32, 613, 80001–80014) and the publishing cap (9, subcode
 * 2207042) are quota, retryable later; 1 and 2 (unknown error, service temporarily unavailable) and
 * anything flagged {@code is_transient} are retryable; 10 and 200–299 (permissions) and everything
 * else are permanent. Bodies that are not an envelope fall through to the generic mapping.
 */
public final class GraphErrors implements VendorErrors {

  private final String platform;

  /**
   * @param platform the platform as people name it ({@code Instagram}), for messages
   */
  public GraphErrors(String platform) {
    this.platform = platform;
  }

  @Override
  public Optional<ReelForgeException> read(int status, byte[] body) {
    JsonNode error = parse(body).path("error");
    if (!error.isObject() || !error.path("code").isNumber()) {
      return Optional.empty();
    }
    return Optional.<ReelForgeException>of(
        of(
            status,
            error.path("code").asInt(),
            error.path("error_subcode").asInt(0),
            error.path("message").asString(""),
            error.path("error_user_msg").asString(""),
            error.path("is_transient").asBoolean(false),
            error.path("fbtrace_id").asString("")));
  }

  GraphApiException of(
      int status,
      int code,
      int subcode,
      String message,
      String userMessage,
      boolean transientFlag,
      String fbtraceId) {
    String said =
        " (code "
            + code
            + (subcode == 0 ? "" : "/" + subcode)
            + (message.isBlank() ? "" : ": " + message.strip())
            + (userMessage.isBlank() ? "" : " — " + userMessage.strip())
            + (fbtraceId.isBlank() ? "" : ", fbtrace_id " + fbtraceId)
            + ")";
    ErrorCode taxonomy;
    boolean retryable;
    String what;
    if (code == GraphApiException.INVALID_TOKEN_CODE) {
      taxonomy = ErrorCode.AUTH_REQUIRED;
      retryable = false;
      what = platform + " refused the access token (expired or revoked); connect the account again";
    } else if (code == GraphApiException.PUBLISHING_LIMIT_CODE
        || subcode == GraphApiException.PUBLISHING_LIMIT_SUBCODE) {
      taxonomy = ErrorCode.QUOTA_EXCEEDED;
      retryable = true;
      what = platform + "'s limit on published posts per 24 hours is reached";
    } else if (GraphApiException.RATE_LIMIT_CODES.contains(code)
        || (code >= 80_001 && code <= 80_014)) {
      taxonomy = ErrorCode.QUOTA_EXCEEDED;
      retryable = true;
      what = platform + "'s API rate limit is reached";
    } else if (code == 1 || code == 2 || transientFlag || status >= 500) {
      taxonomy = ErrorCode.EXTERNAL_API_ERROR;
      retryable = true;
      what = platform + " failed for now";
    } else if (code == 10 || (code >= 200 && code <= 299)) {
      taxonomy = ErrorCode.FORBIDDEN;
      retryable = false;
      what =
          platform
              + " refused for missing permissions; connect the account again granting the"
              + " publishing permissions";
    } else {
      taxonomy = ErrorCode.EXTERNAL_API_ERROR;
      retryable = false;
      what = platform + " rejected the request";
    }
    return new GraphApiException(
        taxonomy, what + said, retryable, status, code, subcode, message, fbtraceId);
  }

  private static JsonNode parse(byte[] body) {
    try {
      JsonNode root = Json.MAPPER.readTree(body);
      return root == null ? Json.object() : root;
    } catch (RuntimeException notJson) {
      return Json.object();
    }
  }
}
