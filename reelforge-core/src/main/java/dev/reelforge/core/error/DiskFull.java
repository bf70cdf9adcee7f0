package dev.reelforge.core.error;

import java.nio.file.FileSystemException;
import java.util.Locale;

/**
 * Recognises a full disk (ENOSPC) anywhere in a failure's causes, whichever layer wrapped it, so
 * that the error can say so plainly instead of "could not write …".
 */
public final class DiskFull {

  private static final String ENOSPC = "no space left on device";

  private DiskFull() {}

  /** Whether a full disk caused the failure (in its causes or their suppressed exceptions). */
  public static boolean causes(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String message =
          t instanceof FileSystemException fs && fs.getReason() != null
              ? fs.getReason()
              : t.getMessage();
      if (message != null && message.toLowerCase(Locale.ROOT).contains(ENOSPC)) {
        return true;
      }
      for (Throwable suppressed : t.getSuppressed()) {
        if (causes(suppressed)) {
          return true;
        }
      }
    }
    return false;
  }
}
