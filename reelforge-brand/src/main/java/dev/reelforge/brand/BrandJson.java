package dev.reelforge.brand;

import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON codec of the brand feature: analyses, scenes, conversations, run inputs and outputs
 * are written and read here, in seed 001's snake_case, so that the writer and every reader agree.
 */
public final class BrandJson {

  private static final JsonMapper JSON =
      JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

  private BrandJson() {}

  public static String write(Object value) {
    return JSON.writeValueAsString(value);
  }

  public static <T> T read(String json, Class<T> type) {
    return JSON.readValue(json, type);
  }

  public static List<Scene> scenes(String json) {
    return JSON.readValue(json, new TypeReference<List<Scene>>() {});
  }

  public static <T> List<T> list(String json, Class<T> element) {
    return JSON.readValue(json, JSON.getTypeFactory().constructCollectionType(List.class, element));
  }
}
