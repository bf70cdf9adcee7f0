package dev.reelforge.testkit.transcribe.stub;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** JSON for the transcription stubs. */
final class StubJson {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

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

  static String write(JsonNode node) {
    return MAPPER.writeValueAsString(node);
  }
}
