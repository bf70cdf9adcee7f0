package dev.reelforge.app.web;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.FieldViolation;
import dev.reelforge.core.error.LimitExceededException;
import dev.reelforge.core.error.ReelForgeException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.DatabindException;

/**
 * The one place where exceptions become HTTP responses. Every failure is answered with the {@link
 * ErrorEnvelope} and the status its {@link ErrorCode} fixes; caller faults are logged at WARN in
 * one line, system faults at ERROR with the stack trace. Messages of unexpected exceptions never
 * reach the client: they may hold internals.
 */
@RestControllerAdvice
public class ApiExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(ReelForgeException.class)
  ResponseEntity<ErrorEnvelope> reelForge(ReelForgeException e, HttpServletRequest request) {
    ResponseEntity<ErrorEnvelope> response =
        respond(e.code(), e.getMessage(), e.violations(), request, e);
    if (e instanceof LimitExceededException limit) {
      // The limit knows when it resets; the generic 5 s of respond() would be a guess.
      long seconds = Math.max(1, limit.retryAfter().toSeconds());
      return ResponseEntity.status(response.getStatusCode())
          .header("Retry-After", String.valueOf(seconds))
          .body(response.getBody());
    }
    return response;
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ErrorEnvelope> invalidBody(
      MethodArgumentNotValidException e, HttpServletRequest request) {
    List<FieldViolation> violations = new ArrayList<>();
    for (FieldError error : e.getBindingResult().getFieldErrors()) {
      violations.add(
          new FieldViolation(error.getField(), String.valueOf(error.getDefaultMessage())));
    }
    e.getBindingResult()
        .getGlobalErrors()
        .forEach(g -> violations.add(new FieldViolation(g.getObjectName(), g.getDefaultMessage())));
    return invalid(violations, request, e);
  }

  @ExceptionHandler(HandlerMethodValidationException.class)
  ResponseEntity<ErrorEnvelope> invalidParameters(
      HandlerMethodValidationException e, HttpServletRequest request) {
    List<FieldViolation> violations = new ArrayList<>();
    e.getParameterValidationResults()
        .forEach(
            result ->
                result
                    .getResolvableErrors()
                    .forEach(
                        error ->
                            violations.add(
                                new FieldViolation(
                                    String.valueOf(result.getMethodParameter().getParameterName()),
                                    String.valueOf(error.getDefaultMessage())))));
    return invalid(violations, request, e);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ErrorEnvelope> unreadableBody(
      HttpMessageNotReadableException e, HttpServletRequest request) {
    Throwable cause = e.getCause();
    if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
      String field = JsonPaths.describe(databind.getPath());
      return invalid(
          List.of(new FieldViolation(field, "has the wrong type or format")), request, e);
    }
    String detail =
        e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")
            ? "the request body is missing"
            : "the request body is not valid JSON";
    return respond(ErrorCode.INVALID_INPUT, detail, List.of(), request, e);
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ErrorEnvelope> missingParameter(
      MissingServletRequestParameterException e, HttpServletRequest request) {
    return invalid(List.of(new FieldViolation(e.getParameterName(), "is required")), request, e);
  }

  @ExceptionHandler(MissingRequestHeaderException.class)
  ResponseEntity<ErrorEnvelope> missingHeader(
      MissingRequestHeaderException e, HttpServletRequest request) {
    return invalid(
        List.of(new FieldViolation(e.getHeaderName(), "header is required")), request, e);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ErrorEnvelope> wrongType(
      MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    String expected =
        e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
    return invalid(
        List.of(new FieldViolation(e.getName(), "must be a valid " + expected)), request, e);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ErrorEnvelope> wrongMethod(
      HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
    String detail =
        e.getMethod()
            + " is not supported here"
            + (e.getSupportedMethods() == null
                ? ""
                : "; use " + String.join(" or ", e.getSupportedMethods()));
    return respond(ErrorCode.METHOD_NOT_ALLOWED, detail, List.of(), request, e);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ErrorEnvelope> wrongContentType(
      HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
    return respond(
        ErrorCode.UNSUPPORTED_MEDIA_TYPE,
        "send the body as application/json",
        List.of(),
        request,
        e);
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<ErrorEnvelope> notAcceptable(
      HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
    return respond(
        ErrorCode.INVALID_INPUT,
        "the Accept header allows no type this route can send",
        List.of(),
        request,
        e);
  }

  @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
  ResponseEntity<ErrorEnvelope> noRoute(Exception e, HttpServletRequest request) {
    return respond(
        ErrorCode.RESOURCE_NOT_FOUND,
        "no route " + request.getMethod() + " " + request.getRequestURI(),
        List.of(),
        request,
        e);
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ErrorEnvelope> tooLarge(
      MaxUploadSizeExceededException e, HttpServletRequest request) {
    return respond(
        ErrorCode.PAYLOAD_TOO_LARGE, "the upload is larger than allowed", List.of(), request, e);
  }

  /**
   * A client that left in the middle of a streamed answer (an event stream): there is no one to
   * answer, and the answer already begun cannot become an error envelope.
   */
  @ExceptionHandler(AsyncRequestNotUsableException.class)
  void clientLeft(AsyncRequestNotUsableException e, HttpServletRequest request) {
    log.debug(
        "{} {}: the client left ({})",
        request.getMethod(),
        request.getRequestURI(),
        e.getMessage());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ErrorEnvelope> unexpected(Exception e, HttpServletRequest request) {
    return respond(
        ErrorCode.INTERNAL_ERROR,
        "an unexpected error occurred; quote request id " + RequestIdFilter.of(request),
        List.of(),
        request,
        e);
  }

  private ResponseEntity<ErrorEnvelope> invalid(
      List<FieldViolation> violations, HttpServletRequest request, Exception e) {
    String detail =
        violations.isEmpty()
            ? "the request is invalid"
            : violations.stream()
                .map(v -> v.field() + " " + v.message())
                .reduce((a, b) -> a + "; " + b)
                .orElseThrow();
    return respond(ErrorCode.INVALID_INPUT, detail, violations, request, e);
  }

  static ResponseEntity<ErrorEnvelope> respond(
      ErrorCode code,
      String detail,
      List<FieldViolation> violations,
      HttpServletRequest request,
      Exception e) {
    if (code.isClientError()) {
      log.warn(
          "{} {} -> {} {}: {}",
          request.getMethod(),
          request.getRequestURI(),
          code.httpStatus(),
          code,
          detail);
    } else {
      log.error(
          "{} {} -> {} {}",
          request.getMethod(),
          request.getRequestURI(),
          code.httpStatus(),
          code,
          e);
    }
    ErrorEnvelope body =
        new ErrorEnvelope(code.name(), detail, RequestIdFilter.of(request), violations);
    ResponseEntity.BodyBuilder response = ResponseEntity.status(code.httpStatus());
    if (code.retryable() && (code.httpStatus() == 503 || code.httpStatus() == 429)) {
      response.header("Retry-After", "5");
    }
    return response.body(body);
  }
}
