package dev.reelforge.app.web;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.FieldViolation;
import dev.reelforge.core.error.LimitExceededException;
import dev.reelforge.core.error.ReelForgeException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place that answers a failure with the {@link ErrorEnvelope}: the exception handler, the
 * error controller, the servlet filters and the event stream all come here, so every error has the
 * same body, status, content type, {@code Retry-After} rule and log line, whoever refuses the
 * request.
 *
 * <p>Caller faults (4xx) are logged at WARN in one line, system faults (5xx) at ERROR with the
 * stack trace of their cause.
 */
public final class ErrorEnvelopeWriter {

  /** The content type of every error body. */
  public static final String CONTENT_TYPE = "application/json";

  /** What a retryable 429 or 503 without a known reset time asks the caller to wait. */
  static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(ErrorEnvelopeWriter.class);

  // A mapper of its own: the envelope holds strings and a list of records only, so nothing the
  // application's mapper is configured with (modules, dates) changes its bytes.
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ErrorEnvelopeWriter() {}

  /** Answers {@code failure}: its code, its message, its fields and, for a limit, its reset. */
  public static void write(
      HttpServletRequest request, HttpServletResponse response, ReelForgeException failure)
      throws IOException {
    write(
        request,
        response,
        failure.code(),
        failure.getMessage(),
        failure.violations(),
        retryAfter(failure),
        failure);
  }

  /** Answers a refusal decided without an exception (a filter's 401, 403, 404, 413). */
  public static void write(
      HttpServletRequest request,
      HttpServletResponse response,
      ErrorCode code,
      String detail,
      List<FieldViolation> violations)
      throws IOException {
    write(request, response, code, detail, violations, Optional.empty(), null);
  }

  /**
   * Answers with {@code code}; {@code cause} is what the log shows for a system fault, and may be
   * null.
   */
  public static void write(
      HttpServletRequest request,
      HttpServletResponse response,
      ErrorCode code,
      String detail,
      List<FieldViolation> violations,
      Throwable cause)
      throws IOException {
    write(request, response, code, detail, violations, Optional.empty(), cause);
  }

  private static void write(
      HttpServletRequest request,
      HttpServletResponse response,
      ErrorCode code,
      String detail,
      List<FieldViolation> violations,
      Optional<Duration> knownRetryAfter,
      Throwable cause)
      throws IOException {
    log(request, code, detail, cause);
    if (response.isCommitted()) {
      // The answer has begun (a streamed download): an envelope now would only corrupt it.
      return;
    }
    response.setStatus(code.httpStatus());
    knownRetryAfter
        .or(() -> defaultRetryAfter(code))
        .ifPresent(
            wait ->
                response.setHeader("Retry-After", String.valueOf(Math.max(1, wait.toSeconds()))));
    if (DashboardPages.isDashboard(request.getRequestURI())) {
      // A browser on a dashboard form (a filter's refusal, such as the media rate limit on the
      // Generate page) reads a page, not the API's JSON.
      DashboardPages.writeError(response, code.httpStatus(), detail);
      return;
    }
    response.setContentType(CONTENT_TYPE);
    response
        .getOutputStream()
        .write(JSON.writeValueAsBytes(envelope(request, code, detail, violations)));
  }

  /** The body of an answer with {@code code}, carrying the request's id. */
  static ErrorEnvelope envelope(
      HttpServletRequest request, ErrorCode code, String detail, List<FieldViolation> violations) {
    return new ErrorEnvelope(code.name(), detail, RequestIdFilter.of(request), violations);
  }

  private static Optional<Duration> retryAfter(ReelForgeException failure) {
    // A limit knows when it resets; the default would be a guess.
    return failure instanceof LimitExceededException limit
        ? Optional.of(limit.retryAfter())
        : Optional.empty();
  }

  private static Optional<Duration> defaultRetryAfter(ErrorCode code) {
    boolean busy = code.httpStatus() == 503 || code.httpStatus() == 429;
    return code.retryable() && busy ? Optional.of(DEFAULT_RETRY_AFTER) : Optional.empty();
  }

  private static void log(
      HttpServletRequest request, ErrorCode code, String detail, Throwable cause) {
    if (code.isClientError()) {
      LOG.warn(
          "{} {} -> {} {}: {}",
          request.getMethod(),
          request.getRequestURI(),
          code.httpStatus(),
          code,
          detail);
    } else {
      LOG.error(
          "{} {} -> {} {}",
          request.getMethod(),
          request.getRequestURI(),
          code.httpStatus(),
          code,
          cause);
    }
  }
}
