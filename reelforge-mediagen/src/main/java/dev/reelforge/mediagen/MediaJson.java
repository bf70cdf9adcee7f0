package dev.reelforge.mediagen;

import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON codec of the media feature: run inputs, checkpoints and outputs are written and read
 * here, so that the writer and every reader agree.
 */
public final class MediaJson {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private MediaJson() {}

  public static String write(Object value) {
    return JSON.writeValueAsString(value);
  }

  public static <T> T read(String json, Class<T> type) {
    return JSON.readValue(json, type);
  }

  /**
   * The output of {@code stage} among a run's artifacts (the engine keeps its sink stages' outputs
   * by stage name); empty while the stage has none.
   */
  static <T> Optional<T> artifact(String artifacts, String stage, Class<T> type) {
    if (artifacts == null || artifacts.isBlank()) {
      return Optional.empty();
    }
    JsonNode output = JSON.readTree(artifacts).get(stage);
    return output == null || output.isNull()
        ? Optional.empty()
        : Optional.of(JSON.treeToValue(output, type));
  }
}
