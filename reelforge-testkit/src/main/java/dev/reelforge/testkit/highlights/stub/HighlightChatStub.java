package dev.reelforge.testkit.highlights.stub;

import dev.reelforge.testkit.stub.StubHttpServer;
import dev.reelforge.testkit.stub.StubHttpServer.Reply;
import dev.reelforge.testkit.stub.StubHttpServer.Request;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /v1/chat/completions} as OpenAI documents it, answering a highlight ranking: bearer
 * key (401 otherwise), {@code response_format} a strict {@code json_schema} named {@code
 * highlight_ranking} (400 otherwise), the candidates read from the user message's JSON. Its judge
 * is simple and predictable: a candidate scores its share of the longest candidate's word count,
 * rounded to two places, with the reason "N words". A {@link Flaw} spoils the next answer.
 */
public final class HighlightChatStub implements AutoCloseable {

  /** Ways a model's answer goes wrong. */
  public enum Flaw {
    NOT_JSON,
    LEAVES_ONE_OUT,
    SCORE_ABOVE_ONE,
    UNKNOWN_INDEX,
    SERVER_ERROR
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final StubHttpServer server = new StubHttpServer();
  private final String apiKey;
  private final AtomicReference<Flaw> nextFlaw = new AtomicReference<>();

  public HighlightChatStub(String apiKey) {
    this.apiKey = apiKey;
    server.route("POST", "/v1/chat/completions", this::complete);
  }

  public String baseUrl() {
    return server.baseUrl() + "/v1";
  }

  public StubHttpServer server() {
    return server;
  }

  /** Spoils the next answer (a server error spoils every attempt until answered). */
  public HighlightChatStub spoilNext(Flaw flaw) {
    nextFlaw.set(flaw);
    return this;
  }

  private Reply complete(Request request) {
    if (!("Bearer " + apiKey).equals(request.header("Authorization"))) {
      return error(401, "Incorrect API key provided.", "invalid_api_key");
    }
    JsonNode body;
    try {
      body = JSON.readTree(request.body());
    } catch (RuntimeException e) {
      return error(400, "We could not parse the JSON body of your request.", null);
    }
    JsonNode format = body.path("response_format");
    if (!format.path("type").asString("").equals("json_schema")
        || !format.path("json_schema").path("strict").asBoolean(false)
        || !format.path("json_schema").path("name").asString("").equals("highlight_ranking")) {
      return error(400, "response_format must be a strict json_schema 'highlight_ranking'", null);
    }
    String user = "";
    for (JsonNode message : body.path("messages")) {
      if (message.path("role").asString("").equals("user")) {
        user = message.path("content").asString("");
      }
    }
    JsonNode candidates;
    try {
      candidates = JSON.readTree(user).path("candidates");
    } catch (RuntimeException e) {
      return error(400, "the stub reads candidates as JSON in the user message", null);
    }
    Flaw flaw = nextFlaw.getAndSet(null);
    if (flaw == Flaw.SERVER_ERROR) {
      nextFlaw.set(Flaw.SERVER_ERROR);
      return error(500, "The server had an error while processing your request.", null);
    }
    return Reply.json(
        200,
        JSON.writeValueAsString(
            completion(body.path("model").asString(""), answer(candidates, flaw))));
  }

  private static String answer(JsonNode candidates, Flaw flaw) {
    if (flaw == Flaw.NOT_JSON) {
      return "Sure! Candidate 0 is the best one.";
    }
    int longest = 1;
    for (JsonNode candidate : candidates) {
      longest = Math.max(longest, words(candidate.path("text").asString("")));
    }
    ObjectNode root = JSON.createObjectNode();
    ArrayNode rankings = root.putArray("rankings");
    int n = 0;
    for (JsonNode candidate : candidates) {
      if (flaw == Flaw.LEAVES_ONE_OUT && n++ == 0) {
        continue;
      }
      int words = words(candidate.path("text").asString(""));
      ObjectNode ranking = rankings.addObject();
      ranking.put("index", flaw == Flaw.UNKNOWN_INDEX ? 999 : candidate.path("index").asInt());
      double score = Math.round(100.0 * words / longest) / 100.0;
      ranking.put("score", flaw == Flaw.SCORE_ABOVE_ONE ? score + 1 : score);
      ranking.put("reason", words + " words");
    }
    return JSON.writeValueAsString(root);
  }

  private static int words(String text) {
    String stripped = text.strip();
    return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
  }

  private static ObjectNode completion(String model, String content) {
    ObjectNode root = JSON.createObjectNode();
    root.put("id", "chatcmpl-stub");
    root.put("object", "chat.completion");
    root.put("model", model);
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode message = choice.putObject("message");
    message.put("role", "assistant");
    message.put("content", content);
    message.putNull("refusal");
    choice.put("finish_reason", "stop");
    ObjectNode usage = root.putObject("usage");
    usage.put("prompt_tokens", 100);
    usage.put("completion_tokens", 40);
    usage.put("total_tokens", 140);
    return root;
  }

  private static Reply error(int status, String message, String code) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode error = root.putObject("error");
    error.put("message", message);
    error.put("type", "invalid_request_error");
    if (code == null) {
      error.putNull("code");
    } else {
      error.put("code", code);
    }
    return Reply.json(status, JSON.writeValueAsString(root));
  }

  @Override
  public void close() {
    server.close();
  }
}
