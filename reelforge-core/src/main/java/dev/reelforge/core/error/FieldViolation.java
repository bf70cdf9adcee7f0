package dev.reelforge.core.error;

import java.util.Objects;

/**
 * One invalid field of a request or setting: the path of the field as the caller wrote it (for
 * example {@code beats[2].text}) and what is wrong with it, in words a user can act on.
 */
public record FieldViolation(String field, String message) {
  public FieldViolation {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }
}
