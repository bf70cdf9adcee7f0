package dev.reelforge.providers.http;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The JSON mapper every adapter shares (thread-safe once built). */
public final class Json {

  public static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Json() {}

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  public static JsonNode parse(ProviderResponse response, String provider) {
    try {
      return MAPPER.readTree(response.body());
    } catch (RuntimeException e) {
      throw new dev.reelforge.core.error.ReelForgeException(
          dev.reelforge.core.error.ErrorCode.EXTERNAL_API_ERROR,
          provider + " answered with a body that is not JSON",
          e);
    }
  }

  public static String write(JsonNode node) {
    return MAPPER.writeValueAsString(node);
  }
}
