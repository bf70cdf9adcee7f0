package dev.reelforge.app.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.reelforge.core.error.FieldViolation;
import java.util.List;

/**
 * The error body of every API response (seed 000): {@code {"success":false,"error":CODE,
 * "detail":…,"requestId":…}}, plus {@code details} listing the invalid fields when there are any.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ErrorEnvelope(
    boolean success, String error, String detail, String requestId, List<FieldViolation> details) {

  public ErrorEnvelope(
      String error, String detail, String requestId, List<FieldViolation> details) {
    this(false, error, detail, requestId, List.copyOf(details));
  }
}
