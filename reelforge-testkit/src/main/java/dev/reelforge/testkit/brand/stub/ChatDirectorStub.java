package dev.reelforge.testkit.brand.stub;

import dev.reelforge.testkit.stub.StubHttpServer;
import dev.reelforge.testkit.stub.StubHttpServer.Reply;
import dev.reelforge.testkit.stub.StubHttpServer.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A chat completions server acting as seed 001's technical director, in one of two dialects:
 * OpenAI's ({@code POST /v1/chat/completions}; strict {@code json_schema} checked against OpenAI's
 * rules, JSON mode) or DeepSeek's ({@code POST /chat/completions} and {@code /v1/…}; models {@code
 * deepseek-chat} and {@code deepseek-reasoner}; JSON mode only, {@code json_schema} "unavailable").
 * Both want a bearer key and, in JSON mode, the word "json" in the messages.
 *
 * <p>It reads the first user message as the director's JSON payload and answers as a director
 * would: a storyboard of {@code scene_count} scenes for a brief, an edited scene and a reply for
 * seed 001's {@code YellowContextPayload} (it has {@code user_feedback}), a different take for a
 * re-roll (it has {@code previous_scene}), scenes with seed 001's {@code SceneData} fields.
 *
 * <p>Failures for the next calls: 429 or 5xx, a refusal, and flawed answers ({@link Flaw}).
 */
public final class ChatDirectorStub implements AutoCloseable {

  /** How an answer can be wrong. */
  public enum Flaw {
    /** Prose instead of JSON. */
    NOT_JSON,
    /** An empty message, as DeepSeek's JSON mode sometimes answers. */
    EMPTY,
    /** Stopped at the token limit ({@code finish_reason: length}), the JSON unfinished. */
    CUT_OFF,
    /** A storyboard with one scene fewer than asked. */
    TOO_FEW_SCENES,
    /** A scene whose {@code camera_movement} is blank. */
    BLANK_FIELD,
    /** An edit that changes the scene's invariant token. */
    MOVED_ANCHOR,
    /** A re-roll that repeats the previous take's prompt. */
    SAME_TAKE
  }

  private static final String[] SHOTS = {
    "wide establishing shot", "slow macro detail shot", "low-angle hero shot",
    "overhead flat-lay shot", "tracking side shot", "close-up reveal shot"
  };
  private static final String[] MOVES = {
    "slow push-in", "orbit", "crane up", "dolly left", "static macro", "tilt down"
  };
  private static final String[] LIGHTS = {
    "soft key from the left, warm rim light",
    "high-key daylight with gentle fill",
    "low-key side light, cool rim",
    "diffused top light, soft shadows",
    "backlight with haze, glowing edges",
    "hard key, crisp shadows"
  };
  private static final String[] CAPTIONS = {
    "Meet the brand",
    "Made with care",
    "Every detail counts",
    "Feel it",
    "Your moment",
    "Be part of it"
  };

  private static final Set<String> DEEPSEEK_MODELS = Set.of("deepseek-chat", "deepseek-reasoner");

  private enum Kind {
    STATUS,
    REFUSAL,
    FLAW
  }

  private record Fault(Kind kind, int status, String text, Flaw flaw) {}

  private final StubHttpServer server = new StubHttpServer();
  private final String apiKey;
  private final boolean deepSeek;
  private final StubFaults<Fault> faults = new StubFaults<>();

  private ChatDirectorStub(String apiKey, boolean deepSeek) {
    this.apiKey = apiKey;
    this.deepSeek = deepSeek;
    server.route(
        "POST", deepSeek ? "(?:/v1)?/chat/completions" : "/v1/chat/completions", this::complete);
  }

  /** OpenAI's dialect: strict JSON schemas supported. */
  public static ChatDirectorStub openAi(String apiKey) {
    return new ChatDirectorStub(apiKey, false);
  }

  /** DeepSeek's dialect: JSON mode only. */
  public static ChatDirectorStub deepSeek(String apiKey) {
    return new ChatDirectorStub(apiKey, true);
  }

  /** The base URL a client is configured with: {@code …/v1} for OpenAI, the host for DeepSeek. */
  public String baseUrl() {
    return deepSeek ? server.baseUrl() : server.baseUrl() + "/v1";
  }

  /** The next {@code count} calls are answered {@code status} (429 or a 5xx). */
  public void failNext(int count, int status) {
    faults.add(new Fault(Kind.STATUS, status, "", null), count);
  }

  /** The next call is refused with {@code reason} in {@code message.refusal}. */
  public void refuseNext(String reason) {
    faults.add(new Fault(Kind.REFUSAL, 200, reason, null), 1);
  }

  /** The next {@code count} answers have {@code flaw}. */
  public void flawNext(int count, Flaw flaw) {
    faults.add(new Fault(Kind.FLAW, 200, "", flaw), count);
  }

  /** The body of every completion request, oldest first. */
  public List<JsonNode> requests() {
    List<JsonNode> bodies = new ArrayList<>();
    for (Request request : server.received()) {
      bodies.add(StubJson.read(request.body()));
    }
    return bodies;
  }

  /** Every request, for assertions on headers. */
  public List<Request> received() {
    return server.received();
  }

  private Reply complete(Request request) {
    Optional<Reply> unauthorised = ChatEnvelope.unauthorised(request, apiKey);
    if (unauthorised.isPresent()) {
      return unauthorised.get();
    }
    JsonNode body = StubJson.read(request.body());
    if (body == null || !body.isObject()) {
      return StubJson.openAiError(
          400, "Failed to deserialize the JSON body.", "invalid_request_error", null, null);
    }
    String model = body.path("model").asString("");
    if (deepSeek && !DEEPSEEK_MODELS.contains(model)) {
      return StubJson.openAiError(
          400, "Model Not Exist", "invalid_request_error", null, "invalid_request_error");
    }
    if (!body.path("messages").isArray() || body.path("messages").isEmpty()) {
      return StubJson.openAiError(
          400, "Invalid 'messages': empty array.", "invalid_request_error", "messages", null);
    }
    Optional<Reply> invalid = ChatEnvelope.invalidFormat(body, !deepSeek);
    if (invalid.isPresent()) {
      return invalid.get();
    }
    long tokens = ChatEnvelope.promptTokens(body);
    Fault fault = faults.next();
    if (fault != null && fault.kind() == Kind.STATUS) {
      return fault.status() == 429
          ? StubJson.openAiError(
              429, "Rate limit reached for requests", "requests", null, "rate_limit_exceeded")
          : StubJson.openAiError(
              fault.status(),
              "The server is overloaded, please try again later.",
              "server_error",
              null,
              null);
    }
    if (fault != null && fault.kind() == Kind.REFUSAL) {
      return ChatEnvelope.completion(model, null, fault.text(), "stop", tokens);
    }
    Flaw flaw = fault == null ? null : fault.flaw();
    ObjectNode answer = direct(payload(body), flaw);
    String content = StubJson.write(answer);
    if (flaw == Flaw.NOT_JSON) {
      return ChatEnvelope.completion(
          model, "Sure! Here is a storyboard: scene one shows the logo.", null, "stop", tokens);
    }
    if (flaw == Flaw.EMPTY) {
      return ChatEnvelope.completion(model, "", null, "stop", tokens);
    }
    if (flaw == Flaw.CUT_OFF) {
      return ChatEnvelope.completion(
          model, content.substring(0, content.length() / 2), null, "length", tokens);
    }
    return ChatEnvelope.completion(model, content, null, "stop", tokens);
  }

  /** The first user message, as the JSON the director sends. */
  private static JsonNode payload(JsonNode body) {
    for (JsonNode message : body.path("messages")) {
      if ("user".equals(message.path("role").asString(""))) {
        JsonNode payload = StubJson.read(ChatEnvelope.text(message));
        return payload == null ? StubJson.object() : payload;
      }
    }
    return StubJson.object();
  }

  private static ObjectNode direct(JsonNode payload, Flaw flaw) {
    if (payload.has("user_feedback")) {
      return revise(payload, flaw);
    }
    if (payload.has("previous_scene")) {
      return reroll(payload, flaw);
    }
    return storyboard(payload, flaw);
  }

  private static ObjectNode storyboard(JsonNode brief, Flaw flaw) {
    int count = Math.max(1, Math.min(6, brief.path("scene_count").asInt(3)));
    if (flaw == Flaw.TOO_FEW_SCENES) {
      count--;
    }
    ObjectNode answer = StubJson.object();
    ArrayNode scenes = answer.putArray("scenes");
    for (int i = 0; i < count; i++) {
      ObjectNode scene = scene(brief, i, SHOTS[i % SHOTS.length], MOVES[i % MOVES.length]);
      if (flaw == Flaw.BLANK_FIELD && i == count - 1) {
        scene.put("camera_movement", " ");
      }
      scenes.add(scene);
    }
    return answer;
  }

  private static ObjectNode reroll(JsonNode brief, Flaw flaw) {
    int index = brief.path("sequence_index").asInt(0);
    int attempt = brief.path("attempt").asInt(2);
    ObjectNode scene =
        scene(
            brief,
            index,
            SHOTS[(index + attempt) % SHOTS.length],
            MOVES[(index + attempt) % MOVES.length]);
    scene.put(
        "cinematography_prompt",
        flaw == Flaw.SAME_TAKE
            ? brief.path("previous_scene").path("cinematography_prompt").asString("")
            : "Take " + attempt + ": " + scene.path("cinematography_prompt").asString());
    ObjectNode answer = StubJson.object();
    answer.set("scene", scene);
    return answer;
  }

  private static ObjectNode revise(JsonNode context, Flaw flaw) {
    JsonNode current = context.path("current_scene");
    String feedback = context.path("user_feedback").asString("").strip();
    ObjectNode scene = current.isObject() ? ((ObjectNode) current).deepCopy() : StubJson.object();
    String lower = feedback.toLowerCase(Locale.ROOT);
    String prompt = current.path("cinematography_prompt").asString("");
    String addition = " Adjusted: " + feedback;
    scene.put(
        "cinematography_prompt",
        prompt.substring(0, Math.min(prompt.length(), 1000 - addition.length())) + addition);
    if (lower.contains("warm")) {
      scene.put("lighting_notes", "warm amber key light, golden rim");
    } else if (lower.contains("cool") || lower.contains("cold")) {
      scene.put("lighting_notes", "cool blue key light, silver rim");
    } else if (lower.contains("bright")) {
      scene.put("lighting_notes", "bright high-key light, soft fill");
    }
    if (flaw == Flaw.MOVED_ANCHOR) {
      scene.put("invariant_token", "a different anchor");
    }
    if (flaw == Flaw.BLANK_FIELD) {
      scene.put("camera_movement", "");
    }
    ObjectNode answer = StubJson.object();
    answer.set("scene", scene);
    answer.put(
        "reply",
        "Revised the scene as asked ("
            + feedback.substring(0, Math.min(feedback.length(), 120))
            + "), turn "
            + (context.path("conversation_history").size() / 2 + 1)
            + ".");
    return answer;
  }

  private static ObjectNode scene(JsonNode brief, int index, String shot, String move) {
    String essence = brief.path("brand_essence_prompt").asString("the brand");
    List<String> palette = new ArrayList<>();
    brief.path("color_palette").forEach(c -> palette.add(c.asString()));
    String anchor = brief.path("invariant_elements").path(0).asString("the brand mark");
    String preset = brief.path("style_preset").asString("");
    String prompt =
        shot.substring(0, 1).toUpperCase(Locale.ROOT)
            + shot.substring(1)
            + " of "
            + essence
            + (palette.isEmpty() ? "" : ", palette " + String.join(", ", palette))
            + ", featuring "
            + anchor
            + (preset.isEmpty() ? "" : ", " + preset);
    ObjectNode scene = StubJson.object();
    scene.put("sequence_index", index);
    scene.put("cinematography_prompt", prompt.substring(0, Math.min(prompt.length(), 1000)));
    scene.put("camera_movement", move);
    scene.put("lighting_notes", LIGHTS[index % LIGHTS.length]);
    scene.put("invariant_token", anchor);
    scene.put("caption", CAPTIONS[index % CAPTIONS.length]);
    return scene;
  }

  @Override
  public void close() {
    server.close();
  }
}
