package dev.reelforge.testkit.brand.stub;

import dev.reelforge.testkit.stub.StubHttpServer.Reply;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** JSON, error envelopes and pictures for the brand stubs. */
final class StubJson {

  static final JsonMapper MAPPER = JsonMapper.builder().build();

  private StubJson() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** The body as JSON, or null when it is not JSON. */
  static JsonNode read(byte[] body) {
    try {
      return MAPPER.readTree(body);
    } catch (RuntimeException notJson) {
      return null;
    }
  }

  /** The text as JSON, or null when it is not JSON. */
  static JsonNode read(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (RuntimeException notJson) {
      return null;
    }
  }

  static String write(JsonNode node) {
    return MAPPER.writeValueAsString(node);
  }

  static Reply reply(int status, JsonNode body) {
    return Reply.json(status, write(body));
  }

  /** Google's error shape: {@code {"error": {code, message, status}}}. */
  static Reply googleError(int code, String status, String message) {
    ObjectNode body = object();
    body.putObject("error").put("code", code).put("message", message).put("status", status);
    return reply(code, body);
  }

  /** OpenAI's (and DeepSeek's) error shape: {@code {"error": {message, type, param, code}}}. */
  static Reply openAiError(int status, String message, String type, String param, String code) {
    ObjectNode body = object();
    body.putObject("error")
        .put("message", message)
        .put("type", type)
        .put("param", param)
        .put("code", code);
    return reply(status, body);
  }

  /** Decoded base64, or null when it is not base64. */
  static byte[] base64(String text) {
    try {
      return text == null || text.isEmpty() ? null : Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** A PNG or JPEG picture, or null for anything else (as the vendors cannot read it either). */
  static BufferedImage picture(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    boolean png = bytes.length > 8 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P';
    boolean jpeg = bytes.length > 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8;
    if (!png && !jpeg) {
      return null;
    }
    try {
      return javax.imageio.ImageIO.read(new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * The bytes of a {@code data:image/...;base64,...} URI, or null when it is not one.
   *
   * @param mimeTypes the image types accepted, e.g. {@code png|jpeg|gif|webp}
   */
  static byte[] dataUri(String uri, String mimeTypes) {
    if (uri == null || !uri.matches("(?s)data:image/(" + mimeTypes + ");base64,.+")) {
      return null;
    }
    return base64(uri.substring(uri.indexOf(',') + 1));
  }
}
