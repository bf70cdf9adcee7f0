package dev.reelforge.app.web;

import dev.reelforge.core.error.ErrorCode;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers errors that happen before a controller runs (a filter, the servlet container) with the
 * same envelope as everything else, replacing Spring Boot's default error page.
 */
@RestController
public class ApiErrorController implements ErrorController {

  @RequestMapping("/error")
  void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int code = status instanceof Integer i ? i : 500;
    if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path
        && DashboardPages.isDashboard(path)) {
      DashboardPages.writeError(
          response,
          code,
          code >= 500
              ? "Something went wrong on our side; quote request id " + RequestIdFilter.of(request)
              : "The page could not be shown (HTTP " + code + ").");
      return;
    }
    ErrorCode errorCode = codeFor(code);
    String detail =
        switch (errorCode) {
          case RESOURCE_NOT_FOUND -> "no such route";
          case METHOD_NOT_ALLOWED -> "method not allowed here";
          case PAYLOAD_TOO_LARGE -> "the request body is too large";
          case INTERNAL_ERROR ->
              "an unexpected error occurred; quote request id " + RequestIdFilter.of(request);
          default -> "the request could not be processed";
        };
    Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    ErrorEnvelopeWriter.write(
        request,
        response,
        errorCode,
        detail,
        List.of(),
        exception instanceof Throwable e ? e : new IllegalStateException("HTTP " + code));
  }

  static ErrorCode codeFor(int status) {
    return switch (status) {
      case 400 -> ErrorCode.INVALID_INPUT;
      case 401 -> ErrorCode.AUTH_REQUIRED;
      case 403 -> ErrorCode.FORBIDDEN;
      case 404 -> ErrorCode.RESOURCE_NOT_FOUND;
      case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
      case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
      case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
      case 429 -> ErrorCode.RATE_LIMIT_EXCEEDED;
      case 503 -> ErrorCode.SERVICE_UNAVAILABLE;
      default -> status >= 400 && status < 500 ? ErrorCode.INVALID_INPUT : ErrorCode.INTERNAL_ERROR;
    };
  }
}
