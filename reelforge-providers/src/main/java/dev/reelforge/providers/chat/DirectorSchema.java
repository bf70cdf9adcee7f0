package dev.reelforge.providers.chat;

import dev.reelforge.core.brand.SceneScript;
import dev.reelforge.providers.http.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON schemas the chat director's answers fill, in the strict subset OpenAI's structured
 * outputs accept (an object at the root, every property required, no additional properties). A
 * scene carries seed 001's {@code SceneData} fields from the technical director plus the caption
 * the finished video shows; limits are stated in descriptions, because strict mode ignores {@code
 * maxLength}, and checked again when the answer is read.
 */
final class DirectorSchema {

  static final String STORYBOARD = "storyboard";
  static final String REVISION = "scene_revision";
  static final String REROLL = "scene_reroll";

  private DirectorSchema() {}

  /** {@code {scenes: [scene…]}}. */
  static ObjectNode storyboard() {
    ObjectNode root = object();
    ObjectNode scenes = root.putObject("properties").putObject("scenes");
    scenes.put("type", "array");
    scenes.put("description", "The scenes in the order they play, as many as asked.");
    scenes.set("items", scene());
    close(root, "scenes");
    return root;
  }

  /** {@code {scene, reply}}: a YELLOW edit and what the director says to the person. */
  static ObjectNode revision() {
    ObjectNode root = object();
    ObjectNode properties = root.putObject("properties");
    properties.set("scene", scene());
    string(
        properties,
        "reply",
        "One or two sentences to the person saying what changed, e.g. 'Warmed the key light and"
            + " added amber to the grade.'");
    close(root, "scene", "reply");
    return root;
  }

  /** {@code {scene}}: a RED re-roll. */
  static ObjectNode reroll() {
    ObjectNode root = object();
    root.putObject("properties").set("scene", scene());
    close(root, "scene");
    return root;
  }

  static ObjectNode scene() {
    ObjectNode scene = object();
    ObjectNode properties = scene.putObject("properties");
    properties
        .putObject("sequence_index")
        .put("type", "integer")
        .put("description", "The scene's place in the storyboard, from 0.");
    string(
        properties,
        "cinematography_prompt",
        "The shot for an image or video model, at most "
            + SceneScript.MAX_PROMPT_CHARS
            + " characters: subject, framing, lens, setting, palette and motion.");
    string(properties, "camera_movement", "The camera's move, e.g. slow push-in, orbit, crane up.");
    string(properties, "lighting_notes", "The light, e.g. soft key from the left, warm rim light.");
    string(
        properties,
        "invariant_token",
        "The visual anchor that must appear unchanged in every scene, e.g. the logo's shape.");
    string(
        properties,
        "caption",
        "A short on-screen line of at most " + SceneScript.MAX_CAPTION_CHARS + " characters.");
    close(
        scene,
        "sequence_index",
        "cinematography_prompt",
        "camera_movement",
        "lighting_notes",
        "invariant_token",
        "caption");
    return scene;
  }

  private static ObjectNode object() {
    ObjectNode object = Json.object();
    object.put("type", "object");
    return object;
  }

  private static void string(ObjectNode properties, String name, String description) {
    properties.putObject(name).put("type", "string").put("description", description);
  }

  private static void close(ObjectNode object, String... names) {
    ArrayNode required = object.putArray("required");
    for (String name : names) {
      required.add(name);
    }
    object.put("additionalProperties", false);
  }
}
