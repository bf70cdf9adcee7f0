package dev.reelforge.core.error;

import java.util.List;
import java.util.Objects;

/**
 * The one exception type of ReelForge. It carries a code from {@link ErrorCode}, a message meant
 * for the caller (never a secret, never a stack trace), whether the failed operation may be
 * retried, and optional field-level violations.
 *
 * <p>Adapters translate the exceptions of their libraries into this type at the port boundary,
 * choosing the retryable flag from what they know about the cause (transient network fault versus a
 * permanent rejection).
 */
public class ReelForgeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final boolean retryable;
  private final List<FieldViolation> violations;

  public ReelForgeException(ErrorCode code, String message) {
    this(code, message, code.retryable(), List.of(), null);
  }

  public ReelForgeException(ErrorCode code, String message, Throwable cause) {
    this(code, message, code.retryable(), List.of(), cause);
  }

  public ReelForgeException(
      ErrorCode code,
      String message,
      boolean retryable,
      List<FieldViolation> violations,
      Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.code = Objects.requireNonNull(code, "code");
    this.retryable = retryable;
    this.violations = List.copyOf(violations);
  }

  /** A request that failed validation; each violation names its field. */
  public static ReelForgeException invalidInput(String message, List<FieldViolation> violations) {
    return new ReelForgeException(ErrorCode.INVALID_INPUT, message, false, violations, null);
  }

  /** A request that failed validation on one field. */
  public static ReelForgeException invalidField(String field, String message) {
    return invalidInput(field + ": " + message, List.of(new FieldViolation(field, message)));
  }

  /**
   * A resource that does not exist or that the caller may not see: both answer the same, so that
   * ids of other users' resources cannot be probed.
   */
  public static ReelForgeException notFound(String resource, Object id) {
    return new ReelForgeException(
        ErrorCode.RESOURCE_NOT_FOUND, resource + " not found" + (id == null ? "" : ": " + id));
  }

  public ErrorCode code() {
    return code;
  }

  public boolean retryable() {
    return retryable;
  }

  public List<FieldViolation> violations() {
    return violations;
  }

  /** A copy of this failure marked as retryable or not, keeping code, message and cause. */
  public ReelForgeException withRetryable(boolean retryable) {
    return new ReelForgeException(code, getMessage(), retryable, violations, getCause());
  }
}
