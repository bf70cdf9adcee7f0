package dev.reelforge.providers.chat;

import dev.reelforge.core.brand.Director;
import dev.reelforge.core.brand.DirectorBrief;
import dev.reelforge.core.brand.SceneScript;
import dev.reelforge.core.brand.YellowContext;
import dev.reelforge.core.cost.Prices;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.providers.http.Json;
import dev.reelforge.providers.http.JsonApiClient;
import dev.reelforge.providers.http.ProviderResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seed 001's technical director behind an OpenAI-compatible chat completions API ({@code POST
 * /chat/completions}; DeepSeek in the seed, any compatible server here). Every answer is strict
 * JSON: a storyboard ({@code {scenes: [...]}} with seed 001's {@code SceneData} fields), a YELLOW
 * edit read from seed 001's {@code YellowContextPayload} ({@code {scene, reply}}) and a RED re-roll
 * ({@code {scene}}). The shape is enforced by {@code response_format: json_schema} (strict) or, for
 * servers without schema support such as DeepSeek, JSON mode with the schema in the system prompt.
 *
 * <p>An answer that is not JSON, is empty, is cut off, has fewer scenes than asked or a blank or
 * over-long field is sent back once with the problem named; a second miss fails with {@code
 * EXTERNAL_API_ERROR} (retryable) naming it. A refusal is {@code CONTENT_REFUSED}. An edit keeps
 * the scene's invariant token whatever the model writes, as the port promises. Tokens are metered
 * per call.
 */
public final class ChatDirector implements Director {

  public static final String NAME = ChatFactory.NAME;

  /** The technical director's brief and cinematography rules (seed 001 §1, its SKILL.md). */
  static final String RULES =
      "You are the technical director of a brand video: you turn a brand strategy into shots an"
          + " image model previews and a video engine produces. Rules: one continuous shot per"
          + " scene; name the subject, framing, lens and setting; put the brand palette's colours"
          + " into the light, the set or the grade by name or hex code; give each scene one clear"
          + " camera movement (slow push-in, orbit, crane up, dolly, tilt, static macro) and vary"
          + " it between scenes; describe the light as a cinematographer would (key, fill, rim,"
          + " colour temperature); keep one invariant token, the visual anchor from the brand's"
          + " invariant elements, identical in every scene; never invent text, logos or claims the"
          + " brand did not show; captions are short, plain and at most "
          + SceneScript.MAX_CAPTION_CHARS
          + " characters; a cinematography prompt is at most "
          + SceneScript.MAX_PROMPT_CHARS
          + " characters. The user's message is JSON; answer with JSON only.";

  private final JsonApiClient api;
  private final ChatOptions options;

  ChatDirector(JsonApiClient api, ChatOptions options) {
    this.api = api;
    this.options = options;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<SceneScript> storyboard(DirectorBrief brief) {
    String system =
        RULES
            + " Task: write the storyboard, exactly scene_count scenes in playing order, the first"
            + " establishing the brand, the last a hero shot of the product or logo.";
    return ask(
        "storyboard",
        DirectorSchema.STORYBOARD,
        DirectorSchema.storyboard(),
        system,
        DirectorPayloads.brief(brief),
        answer -> scenes(answer, brief.sceneCount()));
  }

  @Override
  public Revision revise(YellowContext context) {
    String system =
        RULES
            + " Task: a conversational edit (seed 001's YELLOW). The message is the context"
            + " payload: change current_scene as user_feedback asks, in the light of"
            + " conversation_history and prompt_history, keep the brand essence, the palette "
            + String.join(", ", context.palette())
            + " and the invariant_token unchanged, and reply to the person in one or two"
            + " sentences saying what you changed.";
    SceneScript current = context.currentScene();
    return ask(
        "edit",
        DirectorSchema.REVISION,
        DirectorSchema.revision(),
        system,
        DirectorPayloads.yellow(context),
        answer -> {
          SceneScript scene = scene(answer.path("scene"), "scene");
          String reply = answer.path("reply").asString("").strip();
          if (reply.isEmpty()) {
            throw new InvalidAnswer("reply is missing or blank");
          }
          // The anchor is what ties the scenes together: an edit never moves it.
          return new Revision(
              new SceneScript(
                  scene.cinematographyPrompt(),
                  scene.cameraMovement(),
                  scene.lightingNotes(),
                  current.invariantToken(),
                  scene.caption()),
              reply);
        });
  }

  @Override
  public SceneScript reroll(DirectorBrief brief, int index, SceneScript previous, int attempt) {
    String system =
        RULES
            + " Task: a re-roll (seed 001's RED). Write scene sequence_index again as a different"
            + " take: another angle, movement and light than previous_scene, the same brand and"
            + " invariant token.";
    return ask(
        "re-roll",
        DirectorSchema.REROLL,
        DirectorSchema.reroll(),
        system,
        DirectorPayloads.reroll(brief, index, previous, attempt),
        answer -> {
          SceneScript scene = scene(answer.path("scene"), "scene");
          if (scene.cinematographyPrompt().equalsIgnoreCase(previous.cinematographyPrompt())) {
            throw new InvalidAnswer(
                "scene.cinematography_prompt repeats the previous take; write a different one");
          }
          return scene;
        });
  }

  /** An answer that does not fit: sent back once, then a provider error. */
  private static final class InvalidAnswer extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidAnswer(String problem) {
      super(problem);
    }
  }

  private <T> T ask(
      String task,
      String schemaName,
      ObjectNode schema,
      String system,
      ObjectNode payload,
      Function<JsonNode, T> read) {
    ArrayNode messages = Json.MAPPER.createArrayNode();
    String shape =
        options.structuredOutput() == StructuredOutput.JSON_OBJECT
            ? " Answer with JSON matching this schema: " + Json.write(schema)
            : "";
    messages.addObject().put("role", "system").put("content", system + shape);
    messages.addObject().put("role", "user").put("content", Json.write(payload));
    String problem = "";
    for (int attempt = 1; attempt <= 2; attempt++) {
      String content = complete(messages, schemaName, schema);
      try {
        return read.apply(parse(content));
      } catch (InvalidAnswer | IllegalArgumentException e) {
        problem = e.getMessage();
      }
      if (!content.isEmpty()) {
        messages.addObject().put("role", "assistant").put("content", content);
      }
      messages
          .addObject()
          .put("role", "user")
          .put(
              "content",
              "That answer does not fit: "
                  + problem
                  + ". Answer again with the whole JSON in the required shape.");
    }
    throw new ReelForgeException(
        ErrorCode.EXTERNAL_API_ERROR,
        "the chat director ("
            + options.model()
            + ") answered the "
            + task
            + " twice in a shape that does not fit: "
            + problem,
        true,
        List.of(),
        null);
  }

  /** One completion; an empty or cut-off answer comes back as empty content to be sent back. */
  private String complete(ArrayNode messages, String schemaName, ObjectNode schema) {
    ObjectNode body = Json.object();
    body.put("model", options.model());
    body.set("messages", messages.deepCopy());
    body.put("temperature", options.temperature());
    ObjectNode format = body.putObject("response_format");
    if (options.structuredOutput() == StructuredOutput.JSON_SCHEMA) {
      format.put("type", "json_schema");
      ObjectNode jsonSchema = format.putObject("json_schema");
      jsonSchema.put("name", schemaName);
      jsonSchema.put("strict", true);
      jsonSchema.set("schema", schema);
    } else {
      format.put("type", "json_object");
    }
    ProviderResponse response = api.post("/chat/completions", body);
    JsonNode answer = api.json(response);
    long tokens = answer.path("usage").path("total_tokens").asLong(0);
    api.meter(
        "director",
        answer.path("model").asString(options.model()),
        tokens,
        "tokens",
        Prices.perThousand(tokens, Prices.TEXT_PER_1K_TOKENS),
        response);
    JsonNode choice = answer.path("choices").path(0);
    JsonNode message = choice.path("message");
    String refusal = message.path("refusal").asString("");
    if (!refusal.isBlank() || "content_filter".equals(choice.path("finish_reason").asString(""))) {
      throw new ReelForgeException(
          ErrorCode.CONTENT_REFUSED,
          "the chat director refused: "
              + (refusal.isBlank() ? "its content filter stopped the answer" : refusal),
          false,
          List.of(),
          null);
    }
    if ("length".equals(choice.path("finish_reason").asString(""))) {
      return "";
    }
    return message.path("content").asString("").strip();
  }

  private static JsonNode parse(String content) {
    if (content.isEmpty()) {
      throw new InvalidAnswer("the answer was empty or cut off at the token limit");
    }
    String json = content;
    if (json.startsWith("```")) {
      json = json.replaceFirst("^```(?:json)?\\s*", "").replaceFirst("\\s*```$", "");
    }
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(json);
    } catch (RuntimeException e) {
      throw new InvalidAnswer("it is not JSON");
    }
    if (root == null || !root.isObject()) {
      throw new InvalidAnswer("it is not a JSON object");
    }
    return root;
  }

  private static List<SceneScript> scenes(JsonNode answer, int count) {
    JsonNode items = answer.path("scenes");
    if (items.size() < count) {
      throw new InvalidAnswer(
          "scenes holds "
              + items.size()
              + " scene"
              + (items.size() == 1 ? "" : "s")
              + ", not "
              + count);
    }
    List<JsonNode> ordered = new ArrayList<>();
    items.forEach(ordered::add);
    boolean indexed =
        ordered.stream().allMatch(item -> item.path("sequence_index").isIntegralNumber());
    if (indexed) {
      // The array's order, unless the model numbered the scenes in another one.
      ordered.sort(Comparator.comparingInt(item -> item.path("sequence_index").asInt()));
    }
    List<SceneScript> scenes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      scenes.add(scene(ordered.get(i), "scenes[" + i + "]"));
    }
    return scenes;
  }

  /** A scene from seed 001's field names; {@link SceneScript} names a blank or long field. */
  private static SceneScript scene(JsonNode node, String where) {
    if (!node.isObject()) {
      throw new InvalidAnswer(where + " is missing");
    }
    try {
      return new SceneScript(
          node.path("cinematography_prompt").asString(""),
          node.path("camera_movement").asString(""),
          node.path("lighting_notes").asString(""),
          node.path("invariant_token").asString(""),
          node.path("caption").asString(""));
    } catch (IllegalArgumentException e) {
      throw new InvalidAnswer(where + ": " + e.getMessage());
    }
  }
}
