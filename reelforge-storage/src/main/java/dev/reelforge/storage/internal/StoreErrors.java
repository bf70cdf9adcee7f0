package dev.reelforge.storage.internal;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;

/**
 * How a cloud store's HTTP answer becomes an error of our taxonomy, the same for S3 and Azure: a
 * missing key is a 404; a refused credential is permanent and names the settings to check; any
 * other answer (5xx, 429, throttling) may pass and is retryable.
 */
public final class StoreErrors {

  private StoreErrors() {}

  /**
   * @param store the store as users know it ("S3", "Azure")
   * @param what the operation, as in "cannot store k"
   * @param status the HTTP status of the answer
   * @param credentials what was refused and where it is set, e.g. "the credentials (check
   *     reelforge.storage.s3.*)"
   */
  public static ReelForgeException of(
      String store, String what, int status, String credentials, Exception cause) {
    if (status == 404) {
      return ReelForgeException.notFound("File", what);
    }
    if (status == 401 || status == 403) {
      return new ReelForgeException(
          ErrorCode.INTERNAL_ERROR,
          "cannot " + what + ": " + store + " refused " + credentials,
          cause);
    }
    return new ReelForgeException(
        ErrorCode.SERVICE_UNAVAILABLE,
        "cannot " + what + ": " + store + " answered " + status,
        cause);
  }

  /** The store's container (bucket) is missing: an operator must create it. */
  public static ReelForgeException missingContainer(
      String what, String kind, String name, Exception cause) {
    return new ReelForgeException(
        ErrorCode.INTERNAL_ERROR,
        "cannot " + what + ": the " + kind + " '" + name + "' does not exist",
        cause);
  }
}
