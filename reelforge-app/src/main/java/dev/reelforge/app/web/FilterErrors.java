package dev.reelforge.app.web;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.FieldViolation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers a request from a servlet filter (before any controller) with the error envelope, as
 * {@link ApiExceptionHandler} does for controllers.
 */
public final class FilterErrors {

  private static final Logger LOG = LoggerFactory.getLogger(FilterErrors.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private FilterErrors() {}

  public static void write(
      HttpServletRequest request,
      HttpServletResponse response,
      ErrorCode code,
      String detail,
      List<FieldViolation> fields)
      throws IOException {
    LOG.warn(
        "{} {} -> {} {}: {}",
        request.getMethod(),
        request.getRequestURI(),
        code.httpStatus(),
        code,
        detail);
    response.setStatus(code.httpStatus());
    response.setContentType("application/json");
    ErrorEnvelope envelope =
        new ErrorEnvelope(code.name(), detail, RequestIdFilter.of(request), fields);
    response.getOutputStream().write(JSON.writeValueAsBytes(envelope));
  }
}
