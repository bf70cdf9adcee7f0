package dev.reelforge.publish;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The publish run's inputs and checkpoint as JSON: written and read only here. */
final class PublishJson {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private PublishJson() {}

  /** A publish run's inputs: the target it uploads. */
  record Inputs(UUID targetId) {}

  static String inputs(UUID targetId) {
    return JSON.writeValueAsString(new Inputs(targetId));
  }

  static UUID targetOf(String inputs) {
    return JSON.readValue(inputs, Inputs.class).targetId();
  }

  static Map<String, String> state(String checkpoint) {
    if (checkpoint == null || checkpoint.isBlank()) {
      return new LinkedHashMap<>();
    }
    return new LinkedHashMap<>(
        JSON.readValue(checkpoint, new TypeReference<Map<String, String>>() {}));
  }

  static String state(Map<String, String> state) {
    return JSON.writeValueAsString(state);
  }

  static String output(String postId, String url) {
    return JSON.writeValueAsString(Map.of("postId", postId, "url", url));
  }
}
