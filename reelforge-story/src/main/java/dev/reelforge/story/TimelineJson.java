package dev.reelforge.story;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.timeline.Timeline;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes timelines as JSON: the form a story run keeps in {@code .work/timeline.json} and
 * the {@code render} command reads. Unknown fields are refused so that a misspelt field is an error
 * rather than a silently ignored setting. It lives with the story feature, the one that writes
 * timelines: core carries no JSON library, and the renderer takes a timeline, never its file.
 */
public final class TimelineJson {

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          // Only record components are data; isStill() and friends are derived.
          .changeDefaultVisibility(v -> v.withIsGetterVisibility(JsonAutoDetect.Visibility.NONE))
          .build();

  private TimelineJson() {}

  public static String write(Timeline timeline) {
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(timeline);
  }

  /**
   * @throws ReelForgeException {@code INVALID_INPUT} with the parser's explanation
   */
  public static Timeline read(String json) {
    try {
      return JSON.treeToValue(upgraded(JSON.readTree(json)), Timeline.class);
    } catch (JacksonException e) {
      throw ReelForgeException.invalidField("timeline", e.getOriginalMessage());
    }
  }

  /**
   * Fills in the fields added since a timeline file could first be written, with the value that
   * means what the older file meant: a voice read from its file's start. Object-valued additions (a
   * clip's framing, brand colours) need nothing here, since an absent object reads as its default;
   * a missing number would otherwise be refused.
   */
  private static JsonNode upgraded(JsonNode timeline) {
    if (timeline.get("voice") instanceof ObjectNode voice && !voice.has("sourceStartMillis")) {
      voice.put("sourceStartMillis", 0L);
    }
    return timeline;
  }
}
