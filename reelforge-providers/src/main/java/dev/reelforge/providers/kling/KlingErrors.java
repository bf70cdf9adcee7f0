package dev.reelforge.providers.kling;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.providers.http.Json;
import dev.reelforge.providers.http.VendorErrors;
import dev.reelforge.providers.videogen.Refusals;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What Kling's error codes mean, read from the body's {@code code} because its HTTP statuses are
 * ambiguous: 429 is both "too many requests" (1302, 1303) and "the account cannot pay" (1100–1102).
 * Codes from Kling's documentation: 1000–1004 authentication (401), 1100–1103 account (429/403),
 * 1200–1203 parameters (400/404), 1300–1304 policy (1301 content security, 1302 rate, 1303
 * concurrency, 1304 IP allow-list), 5000–5002 server (retryable, left to the generic mapping).
 */
final class KlingErrors implements VendorErrors {

  private static final String KEYS =
      KlingOptions.SETTINGS + ".access-key and " + KlingOptions.SETTINGS + ".secret-key";

  @Override
  public Optional<ReelForgeException> read(int status, byte[] body) {
    JsonNode root = parse(body);
    int code = root.path("code").asInt(-1);
    String message = root.path("message").asString("");
    if (code < 0 && status == 401) {
      return Optional.of(credentials(code, message));
    }
    return Optional.ofNullable(forCode(code, message));
  }

  /**
   * The error for a non-zero {@code code}, whatever the status (Kling may also answer 200 with
   * one); null for codes the generic status mapping reads well enough (parameters, server).
   */
  static ReelForgeException forCode(int code, String message) {
    if (code >= 1000 && code <= 1004) {
      return credentials(code, message);
    }
    if (code >= 1100 && code <= 1102) {
      return permanent(
          "the Kling account cannot pay for this"
              + said(code, message)
              + "; top up its resource packs at klingai.com or choose another video engine");
    }
    if (code == 1103) {
      return permanent(
          "the Kling account may not use this model or feature"
              + said(code, message)
              + "; check "
              + KlingOptions.SETTINGS
              + ".model and the account's permissions");
    }
    if (code == 1300 || code == 1301) {
      return Refusals.refused("Kling", message.isBlank() ? "code " + code : message);
    }
    if (code == 1302 || code == 1303) {
      return new ReelForgeException(
          ErrorCode.EXTERNAL_RATE_LIMIT,
          "Kling is at the account's "
              + (code == 1302 ? "rate" : "concurrency")
              + " limit"
              + said(code, message),
          true,
          List.of(),
          null);
    }
    if (code == 1304) {
      return permanent(
          "Kling refuses calls from this address (IP allow-list)" + said(code, message));
    }
    return null;
  }

  private static ReelForgeException credentials(int code, String message) {
    return permanent(
        "Kling refused the credentials"
            + said(code, message)
            + " — check "
            + KEYS
            + (code == 1003 || code == 1004 ? " and this machine's clock" : ""));
  }

  private static ReelForgeException permanent(String message) {
    return new ReelForgeException(ErrorCode.EXTERNAL_API_ERROR, message, false, List.of(), null);
  }

  private static String said(int code, String message) {
    String what = code < 0 ? "" : "code " + code;
    if (!message.isBlank()) {
      what = what.isEmpty() ? message.strip() : what + ": " + message.strip();
    }
    return what.isEmpty() ? "" : " (" + what + ")";
  }

  private static JsonNode parse(byte[] body) {
    try {
      JsonNode root = Json.MAPPER.readTree(body);
      return root == null ? Json.object() : root;
    } catch (RuntimeException notJson) {
      return Json.object();
    }
  }
}
