package dev.reelforge.providers.meta;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import java.util.List;
import java.util.Set;

/**
 * A Graph API error envelope ({@code {"error":{"message","type","code","error_subcode",
 * "fbtrace_id"}}}) read onto the error taxonomy, keeping Meta's codes so that a publisher can tell
 * a publishing limit (deferred until a slot opens) from a rate limit (deferred for the rolling
 * hour) and quote the trace id Meta's support asks for.
 */
public final class GraphApiException extends ReelForgeException {
  private static final long serialVersionUID = 1L;

  /** Application (4), user (17), page (32) and custom (613) rate limits: a rolling hour. */
  static final Set<Integer> RATE_LIMIT_CODES = Set.of(4, 17, 32, 613);

  /** Code 9 with Instagram's subcode 2207042: the 24-hour cap on API-published posts. */
  static final int PUBLISHING_LIMIT_CODE = 9;

  static final int PUBLISHING_LIMIT_SUBCODE = 2207042;

  /** The access token expired, was revoked or cannot be parsed. */
  static final int INVALID_TOKEN_CODE = 190;

  private final int httpStatus;
  private final int graphCode;
  private final int subcode;
  private final String graphMessage;
  private final String fbtraceId;

  GraphApiException(
      ErrorCode code,
      String message,
      boolean retryable,
      int httpStatus,
      int graphCode,
      int subcode,
      String graphMessage,
      String fbtraceId) {
    super(code, message, retryable, List.of(), null);
    this.httpStatus = httpStatus;
    this.graphCode = graphCode;
    this.subcode = subcode;
    this.graphMessage = graphMessage;
    this.fbtraceId = fbtraceId;
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** Meta's {@code error.code}. */
  public int graphCode() {
    return graphCode;
  }

  /** Meta's {@code error.error_subcode}, 0 when it gives none. */
  public int subcode() {
    return subcode;
  }

  /** What Meta said, as it said it. */
  public String graphMessage() {
    return graphMessage;
  }

  public String fbtraceId() {
    return fbtraceId;
  }

  /** The platform's cap on published posts per 24 hours was reached. */
  public boolean publishingLimit() {
    return graphCode == PUBLISHING_LIMIT_CODE || subcode == PUBLISHING_LIMIT_SUBCODE;
  }

  /** A Graph API rate limit (calls per rolling hour), as opposed to the publishing cap. */
  public boolean rateLimit() {
    return RATE_LIMIT_CODES.contains(graphCode) || (graphCode >= 80_001 && graphCode <= 80_014);
  }
}
