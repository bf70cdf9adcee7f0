package dev.reelforge.mediagen;

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
}
