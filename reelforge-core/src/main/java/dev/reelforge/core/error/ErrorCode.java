package dev.reelforge.core.error;

/**
 * The one error taxonomy of ReelForge. The first group is seed 000's {@code ERROR_CODES} verbatim;
 * the second adds the codes the platform needs for HTTP semantics the seed does not name (405, 409,
 * 413, 415, 422, 503) and a quota reached (429, told apart from a rate limit).
 *
 * <p>Each code fixes the HTTP status it maps to and whether a caller may retry the same request
 * unchanged. An exception may override the retryable flag (a TTS failure caused by a dropped
 * connection is retryable, one caused by unsupported text is not), but never the status.
 */
public enum ErrorCode {
  // Input validation
  INVALID_INPUT(400, false),
  VALIDATION_FAILED(400, false),

  // Authentication / authorization
  AUTH_REQUIRED(401, false),
  FORBIDDEN(403, false),

  // Resources
  INSUFFICIENT_CREDITS(402, false),
  RESOURCE_NOT_FOUND(404, false),

  // Pipeline stages
  INGEST_FAILED(500, false),
  SCRIPT_GENERATION_FAILED(500, false),
  STORYBOARD_FAILED(500, false),
  TTS_FAILED(500, false),
  CAPTION_FAILED(500, false),
  RENDER_FAILED(500, false),

  // External services
  EXTERNAL_API_ERROR(502, true),
  EXTERNAL_API_TIMEOUT(504, true),
  /** A video engine did not finish within its deadline (seed 001 §6.3). */
  PRODUCTION_TIMEOUT(504, true),
  /** A vendor said it is busy (its own rate limit or capacity), as opposed to ours. */
  EXTERNAL_RATE_LIMIT(503, true),
  /** An image (a preview, a start frame) could not be generated (seed 001 §6.3). */
  PREVIEW_FAILED(502, true),
  /** A vendor's safety filter refused the prompt, an input image or its own result. */
  CONTENT_REFUSED(422, false),

  // System
  TIMEOUT(504, true),
  RATE_LIMIT_EXCEEDED(429, true),
  INTERNAL_ERROR(500, false),

  // Platform additions
  METHOD_NOT_ALLOWED(405, false),
  /** Signed in with a one-time password: only choosing a new one is allowed. */
  PASSWORD_CHANGE_REQUIRED(403, false),
  CONFLICT(409, false),
  IDEMPOTENT_IN_PROGRESS(409, true),
  PAYLOAD_TOO_LARGE(413, false),
  UNSUPPORTED_MEDIA_TYPE(415, false),
  IDEMPOTENCY_KEY_REUSED(422, false),
  QUOTA_EXCEEDED(429, true),
  SERVICE_UNAVAILABLE(503, true);

  private final int httpStatus;
  private final boolean retryable;

  ErrorCode(int httpStatus, boolean retryable) {
    this.httpStatus = httpStatus;
    this.retryable = retryable;
  }

  /** The HTTP status every response carrying this code uses. */
  public int httpStatus() {
    return httpStatus;
  }

  /** Whether repeating the same request later may succeed. */
  public boolean retryable() {
    return retryable;
  }

  /** Whether this code describes a fault of the caller (4xx) rather than of the system (5xx). */
  public boolean isClientError() {
    return httpStatus < 500;
  }
}
