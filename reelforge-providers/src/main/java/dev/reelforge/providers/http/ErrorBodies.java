package dev.reelforge.providers.http;

import tools.jackson.databind.JsonNode;

/** The human-readable part of a provider's error body, whatever its shape. */
final class ErrorBodies {

  private static final int MAX_CHARS = 300;

  private ErrorBodies() {}

  /**
   * OpenAI and compatibles: {@code {"error":{"message":…}}}; ElevenLabs: {@code
   * {"detail":{"message":…}}}; fal.ai and FastAPI servers: {@code {"detail":"…"}} or {@code
   * {"detail":[{"msg":…}]}}; Pexels and Pixabay: {@code {"error":"…"}} or plain text.
   */
  static String message(byte[] body) {
    String text = new String(body, java.nio.charset.StandardCharsets.UTF_8).strip();
    try {
      JsonNode root = Json.MAPPER.readTree(text);
      for (JsonNode candidate :
          new JsonNode[] {
            root.path("error").path("message"),
            root.path("error"),
            root.path("detail").path("message"),
            root.path("detail").path(0).path("msg"),
            root.path("detail"),
            root.path("message")
          }) {
        if (candidate.isString() && !candidate.asString().isBlank()) {
          return shorten(candidate.asString());
        }
      }
    } catch (RuntimeException notJson) {
      // Plain-text and HTML error pages are reported as they are, shortened.
    }
    return shorten(text.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " "));
  }

  /** OpenAI-style {@code {"error":{"code":…}}}, else empty. */
  static String code(byte[] body) {
    try {
      JsonNode code = Json.MAPPER.readTree(body).path("error").path("code");
      return code.isString() ? code.asString() : "";
    } catch (RuntimeException notJson) {
      return "";
    }
  }

  private static String shorten(String text) {
    String stripped = text.strip();
    return stripped.length() <= MAX_CHARS ? stripped : stripped.substring(0, MAX_CHARS) + "…";
  }
}
