package dev.reelforge.providers.chat;

import dev.reelforge.core.publish.Platform;
import dev.reelforge.core.publish.PlatformLimits;
import dev.reelforge.providers.http.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON schema a language model fills for a post's copy on one platform, in the strict subset
 * OpenAI's structured outputs accept. The platform's limits are stated in the descriptions, since
 * strict mode ignores {@code maxLength}; the answer is fitted to them anyway.
 */
final class CopySchema {

  static final String NAME = "post_copy";

  private CopySchema() {}

  static ObjectNode schema(Platform platform) {
    PlatformLimits limits = PlatformLimits.of(platform);
    ObjectNode schema = Json.object();
    schema.put("type", "object");
    schema.put("additionalProperties", false);
    ObjectNode properties = schema.putObject("properties");
    string(
        properties,
        "title",
        limits.titleChars() > 0
            ? "The post's title, at most " + limits.titleChars() + " characters."
            : "The hook that opens the caption: one short line that stops the scroll.");
    string(
        properties,
        "description",
        (limits.titleChars() > 0 ? "The description" : "The rest of the caption")
            + ", without hashtags; with the title and hashtags at most "
            + limits.captionChars()
            + " characters.");
    ObjectNode hashtags = properties.putObject("hashtags");
    hashtags.put("type", "array");
    hashtags.put(
        "description",
        "At most "
            + limits.maxHashtags()
            + " hashtags without the # sign, letters, digits and _ only, most relevant first.");
    hashtags.putObject("items").put("type", "string");
    schema.putArray("required").add("title").add("description").add("hashtags");
    return schema;
  }

  private static void string(ObjectNode properties, String name, String description) {
    ObjectNode property = properties.putObject(name);
    property.put("type", "string");
    property.put("description", description);
  }
}
