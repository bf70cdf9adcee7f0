package dev.reelforge.core.jobs.spi;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import java.util.Objects;

/**
 * Why a run or task failed, as SPEC.md §2.1 shapes it: {@code {code, message, stage, retryable}}.
 */
public record JobError(ErrorCode code, String message, String stage, boolean retryable) {

  public JobError {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(stage, "stage");
  }

  public JobError withRetryable(boolean value) {
    return new JobError(code, message, stage, value);
  }

  public static JobError of(ReelForgeException e, String stage) {
    return new JobError(e.code(), e.getMessage(), stage, e.retryable());
  }
}
