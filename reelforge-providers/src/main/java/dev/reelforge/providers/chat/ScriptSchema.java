package dev.reelforge.providers.chat;

import dev.reelforge.core.script.StoryLimits;
import dev.reelforge.providers.http.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON schema a language model fills for a script and its storyboard, in the strict subset
 * OpenAI's structured outputs accept (every property required, no additional properties). Limits
 * are stated in descriptions as well, because strict mode ignores {@code maxLength}.
 */
final class ScriptSchema {

  private ScriptSchema() {}

  static ObjectNode schema() {
    ObjectNode schema = Json.object();
    schema.put("type", "object");
    schema.put("additionalProperties", false);
    ObjectNode properties = schema.putObject("properties");
    string(properties, "title", "A video title of at most 100 characters.");
    ObjectNode beats = properties.putObject("beats");
    beats.put("type", "array");
    beats.put(
        "description",
        "2 to "
            + StoryLimits.MAX_BEATS
            + " narration lines: a hook first, a closing line last; at most "
            + StoryLimits.MAX_BEAT_CHARS
            + " characters each and "
            + StoryLimits.MAX_TOTAL_CHARS
            + " in all.");
    ObjectNode beat = beats.putObject("items");
    beat.put("type", "object");
    beat.put("additionalProperties", false);
    ObjectNode beatProperties = beat.putObject("properties");
    string(beatProperties, "text", "What the narrator says.");
    ObjectNode keywords = beatProperties.putObject("keywords");
    keywords.put("type", "array");
    keywords.put("description", "2 to 4 concrete nouns for a stock footage search.");
    keywords.putObject("items").put("type", "string");
    string(beatProperties, "shot", "The picture for this line, described in one sentence.");
    required(beat, "text", "keywords", "shot");
    string(properties, "description", "A platform description of at most 500 characters.");
    ObjectNode hashtags = properties.putObject("hashtags");
    hashtags.put("type", "array");
    hashtags.put("description", "3 to 5 hashtags without the # sign.");
    hashtags.putObject("items").put("type", "string");
    required(schema, "title", "beats", "description", "hashtags");
    return schema;
  }

  private static void string(ObjectNode properties, String name, String description) {
    ObjectNode property = properties.putObject(name);
    property.put("type", "string");
    property.put("description", description);
  }

  private static void required(ObjectNode object, String... names) {
    ArrayNode required = object.putArray("required");
    for (String name : names) {
      required.add(name);
    }
  }
}
