package dev.reelforge.app.web;

import dev.reelforge.core.clips.uploads.UploadOffsetException;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.FieldViolation;
import dev.reelforge.core.error.ReelForgeException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * The one place where exceptions of controllers become HTTP responses: each is mapped to an {@link
 * ErrorCode}, a detail and the invalid fields, and answered by {@link ErrorEnvelopeWriter} (as the
 * filters' refusals are). Messages of unexpected exceptions never reach the client: they may hold
 * internals.
 */
@RestControllerAdvice
public class ApiExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(ReelForgeException.class)
  void reelForge(ReelForgeException e, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    ErrorEnvelopeWriter.write(request, response, e);
  }

  /** A chunk that would leave a gap: the 409 says where the client must resume. */
  @ExceptionHandler(UploadOffsetException.class)
  void uploadOffset(
      UploadOffsetException e, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    UploadOffsets.write(response, e.offset());
    ErrorEnvelopeWriter.write(request, response, e);
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  void invalidBody(
      MethodArgumentNotValidException e, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    List<FieldViolation> violations = new ArrayList<>();
    for (FieldError error : e.getBindingResult().getFieldErrors()) {
      violations.add(
          new FieldViolation(error.getField(), String.valueOf(error.getDefaultMessage())));
    }
    e.getBindingResult()
        .getGlobalErrors()
        .forEach(g -> violations.add(new FieldViolation(g.getObjectName(), g.getDefaultMessage())));
    invalid(violations, request, response, e);
  }

  @ExceptionHandler(HandlerMethodValidationException.class)
  void invalidParameters(
      HandlerMethodValidationException e, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
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
    invalid(violations, request, response, e);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  void unreadableBody(
      HttpMessageNotReadableException e, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Throwable cause = e.getCause();
    if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
      String field = JsonPaths.describe(databind.getPath());
      invalid(
          List.of(new FieldViolation(field, "has the wrong type or format")), request, response, e);
      return;
    }
    String detail;
    if (e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")) {
      detail = "the request body is missing";
    } else if (cause instanceof MismatchedInputException) {
      // Well-formed JSON of the wrong kind at the top (an array, a string, a number): every body
      // of this API is an object, and calling it "not valid JSON" would send the client looking
      // for a syntax error.
      detail = "the request body must be a JSON object";
    } else {
      detail = "the request body is not valid JSON";
    }
    respond(ErrorCode.INVALID_INPUT, detail, List.of(), request, response, e);
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  void missingParameter(
      MissingServletRequestParameterException e,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    invalid(List.of(new FieldViolation(e.getParameterName(), "is required")), request, response, e);
  }

  @ExceptionHandler(MissingRequestHeaderException.class)
  void missingHeader(
      MissingRequestHeaderException e, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    invalid(
        List.of(new FieldViolation(e.getHeaderName(), "header is required")), request, response, e);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  void wrongType(
      MethodArgumentTypeMismatchException e,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    String expected =
        e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
    invalid(
        List.of(new FieldViolation(e.getName(), "must be a valid " + expected)),
        request,
        response,
        e);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  void wrongMethod(
      HttpRequestMethodNotSupportedException e,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    String detail =
        e.getMethod()
            + " is not supported here"
            + (e.getSupportedMethods() == null
                ? ""
                : "; use " + String.join(" or ", e.getSupportedMethods()));
    respond(ErrorCode.METHOD_NOT_ALLOWED, detail, List.of(), request, response, e);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  void wrongContentType(
      HttpMediaTypeNotSupportedException e,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    respond(
        ErrorCode.UNSUPPORTED_MEDIA_TYPE,
        "send the body as application/json",
        List.of(),
        request,
        response,
        e);
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  void notAcceptable(
      HttpMediaTypeNotAcceptableException e,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    respond(
        ErrorCode.INVALID_INPUT,
        "the Accept header allows no type this route can send",
        List.of(),
        request,
        response,
        e);
  }

  @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
  void noRoute(Exception e, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    respond(
        ErrorCode.RESOURCE_NOT_FOUND,
        "no route " + request.getMethod() + " " + request.getRequestURI(),
        List.of(),
        request,
        response,
        e);
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  void tooLarge(
      MaxUploadSizeExceededException e, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    respond(
        ErrorCode.PAYLOAD_TOO_LARGE,
        "the upload is larger than allowed",
        List.of(),
        request,
        response,
        e);
  }

  /** A body sent as multipart that cannot be read as such (no boundary, a truncated part). */
  @ExceptionHandler(MultipartException.class)
  void unreadableMultipart(
      MultipartException e, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    respond(
        ErrorCode.INVALID_INPUT,
        "the multipart body cannot be read; send the file as a form part",
        List.of(),
        request,
        response,
        e);
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
  void unexpected(Exception e, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    respond(
        ErrorCode.INTERNAL_ERROR,
        "an unexpected error occurred; quote request id " + RequestIdFilter.of(request),
        List.of(),
        request,
        response,
        e);
  }

  private static void invalid(
      List<FieldViolation> violations,
      HttpServletRequest request,
      HttpServletResponse response,
      Exception e)
      throws IOException {
    String detail =
        violations.isEmpty()
            ? "the request is invalid"
            : violations.stream()
                .map(v -> v.field() + " " + v.message())
                .reduce((a, b) -> a + "; " + b)
                .orElseThrow();
    respond(ErrorCode.INVALID_INPUT, detail, violations, request, response, e);
  }

  private static void respond(
      ErrorCode code,
      String detail,
      List<FieldViolation> violations,
      HttpServletRequest request,
      HttpServletResponse response,
      Exception e)
      throws IOException {
    ErrorEnvelopeWriter.write(request, response, code, detail, violations, e);
  }
}
