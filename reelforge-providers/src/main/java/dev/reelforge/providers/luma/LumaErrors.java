package dev.reelforge.providers.luma;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.providers.http.Json;
import dev.reelforge.providers.http.VendorErrors;
import dev.reelforge.providers.videogen.Refusals;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What Luma's error answers mean beyond their status. Luma answers {@code {"detail": "…"}}; a
 * refused prompt is a 400 like a bad parameter, told apart by its wording; 402 is an account out of
 * credits; 429 is Luma's rate or concurrency limit, which is the vendor being busy rather than our
 * own limit. Everything else is read by the generic status mapping.
 */
final class LumaErrors implements VendorErrors {

  private static final VendorErrors BUSY = VendorErrors.busyWhenRateLimited("Luma");

  @Override
  public Optional<ReelForgeException> read(int status, byte[] body) {
    String detail = detail(body);
    if (status == 400 && Refusals.isSafetyRefusal(detail)) {
      return Optional.of(Refusals.refused("Luma", detail));
    }
    if (status == 402) {
      return Optional.of(
          new ReelForgeException(
              ErrorCode.EXTERNAL_API_ERROR,
              "the Luma account has no credits left for this"
                  + (detail.isEmpty() ? "" : " (" + detail + ")")
                  + "; add credits at lumalabs.ai or choose another video engine",
              false,
              List.of(),
              null));
    }
    // A 429 is Luma's rate or concurrency limit; anything else is left to the generic mapping.
    return BUSY.read(status, body);
  }

  /** The {@code detail} of an error body, empty when there is none. */
  static String detail(byte[] body) {
    try {
      JsonNode root = Json.MAPPER.readTree(body);
      if (root == null) {
        return "";
      }
      JsonNode detail = root.path("detail");
      if (detail.isString()) {
        return detail.asString().strip();
      }
      // FastAPI's validation errors: a list of {msg, loc}.
      return detail.path(0).path("msg").asString("").strip();
    } catch (RuntimeException notJson) {
      return "";
    }
  }
}
