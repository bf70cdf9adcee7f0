package dev.reelforge.postgres;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;

/** The database cannot be reached, started or migrated. The message says what to do about it. */
public final class DatabaseUnavailableException extends ReelForgeException {
  private static final long serialVersionUID = 1L;

  public DatabaseUnavailableException(String message, Throwable cause) {
    super(ErrorCode.SERVICE_UNAVAILABLE, message, cause);
  }
}
