package dev.reelforge.providers.brandvision;

import dev.reelforge.core.brand.Scores;
import dev.reelforge.providers.http.Json;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a vision model is asked and the shape its answer must take, written once and rendered in two
 * dialects: OpenAI's strict JSON Schema subset (every property required, {@code
 * additionalProperties: false} on every object) and Gemini's {@code responseSchema}, a subset of
 * OpenAPI 3.0 (upper-case types, {@code propertyOrdering}, no {@code additionalProperties}, which
 * Gemini refuses as an unknown field). Ranges are stated in the descriptions as well, because
 * neither dialect is sure to enforce them; {@link BrandAnswer} checks them.
 */
public final class BrandAnswerSchema {

  /** The name OpenAI's {@code json_schema} carries. */
  public static final String NAME = "brand_analysis";

  /** The system instruction: who the model is and what it judges. */
  public static final String INSTRUCTIONS =
      "You are a brand strategist preparing an AI video campaign. You look at one brand image (a"
          + " logo, a product photo or a brand visual) and distil its visual identity into facts"
          + " that later steps turn into prompts. Describe only what is in the image. Scores are"
          + " numbers from 0 to 1: physics is how much motion, liquids, particles or material"
          + " dynamics a video of this brand calls for; vibe is how much it lives on aesthetic"
          + " mood and atmosphere; logic is how much legible text, logos and exact structure must"
          + " stay intact; integrity is whether the image is a usable brand asset at all (1 for a"
          + " clean logo or product photo; below "
          + Scores.INTEGRITY_FLOOR
          + " for a blank, broken, unreadable, offensive or non-brand image, with the reason).";

  /** The user turn that goes with the image. */
  public static final String TASK =
      "Analyse this brand image. Answer with JSON in the required shape: its dominant palette,"
          + " the four scores, the reason for the integrity score, a brand essence prompt, the"
          + " invariant elements, the text you can read and the mood.";

  private enum Dialect {
    OPENAI,
    GEMINI
  }

  private BrandAnswerSchema() {}

  /** OpenAI's {@code response_format.json_schema.schema}, for {@code strict: true}. */
  public static ObjectNode jsonSchema() {
    return answer(Dialect.OPENAI);
  }

  /** Gemini's {@code generationConfig.responseSchema}. */
  public static ObjectNode geminiSchema() {
    return answer(Dialect.GEMINI);
  }

  private static ObjectNode answer(Dialect dialect) {
    ObjectNode root = object(dialect, "The brand analysis.");
    ObjectNode properties = root.putObject("properties");
    ObjectNode palette = array(dialect, "string", properties, "palette");
    palette.put(
        "description",
        "3 to 6 dominant colours of the image as #rrggbb hex codes, most prominent first; the"
            + " logo's or product's own colour among them.");
    ObjectNode scores = object(dialect, "Routing and integrity scores.");
    properties.set("scores", scores);
    ObjectNode scoreProperties = scores.putObject("properties");
    number(dialect, scoreProperties, "physics", "0 to 1: motion and material dynamics.");
    number(dialect, scoreProperties, "vibe", "0 to 1: aesthetic mood to transfer.");
    number(dialect, scoreProperties, "logic", "0 to 1: text and structure to keep legible.");
    number(dialect, scoreProperties, "integrity", "0 to 1: fitness of the image to build on.");
    close(dialect, scores, List.of("physics", "vibe", "logic", "integrity"));
    string(
        dialect,
        properties,
        "integrity_reason",
        "One sentence on why the integrity score is what it is.");
    string(
        dialect,
        properties,
        "brand_essence_prompt",
        "One or two sentences (at most 400 characters) describing the brand's look for image"
            + " prompts: subject, materials, palette, light and mood.");
    array(dialect, "string", properties, "invariant_elements")
        .put(
            "description",
            "2 to 5 visual anchors every output must keep, e.g. the logo's shape, a signature"
                + " colour, the product's silhouette.");
    string(
        dialect,
        properties,
        "text_seen",
        "The lettering readable in the image, verbatim; an empty string when there is none.");
    string(dialect, properties, "mood", "Three to five words for the brand's mood.");
    close(
        dialect,
        root,
        List.of(
            "palette",
            "scores",
            "integrity_reason",
            "brand_essence_prompt",
            "invariant_elements",
            "text_seen",
            "mood"));
    return root;
  }

  private static String type(Dialect dialect, String type) {
    return dialect == Dialect.GEMINI ? type.toUpperCase(Locale.ROOT) : type;
  }

  private static ObjectNode object(Dialect dialect, String description) {
    ObjectNode object = Json.object();
    object.put("type", type(dialect, "object"));
    object.put("description", description);
    return object;
  }

  /** Requires every property; OpenAI's strict mode also needs additional properties shut out. */
  private static void close(Dialect dialect, ObjectNode object, List<String> names) {
    ArrayNode required = object.putArray("required");
    names.forEach(required::add);
    if (dialect == Dialect.OPENAI) {
      object.put("additionalProperties", false);
    } else {
      ArrayNode ordering = object.putArray("propertyOrdering");
      names.forEach(ordering::add);
    }
  }

  private static void string(
      Dialect dialect, ObjectNode properties, String name, String description) {
    properties.putObject(name).put("type", type(dialect, "string")).put("description", description);
  }

  private static void number(
      Dialect dialect, ObjectNode properties, String name, String description) {
    properties.putObject(name).put("type", type(dialect, "number")).put("description", description);
  }

  private static ObjectNode array(
      Dialect dialect, String itemType, ObjectNode properties, String name) {
    ObjectNode array = properties.putObject(name);
    array.put("type", type(dialect, "array"));
    array.putObject("items").put("type", type(dialect, itemType));
    return array;
  }
}
