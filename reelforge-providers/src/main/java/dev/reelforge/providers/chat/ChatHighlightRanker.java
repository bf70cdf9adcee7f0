package dev.reelforge.providers.chat;

import dev.reelforge.core.clips.HighlightRanker;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.providers.http.Json;
import dev.reelforge.providers.http.JsonApiClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Highlight candidates scored by a chat model (OpenAI-compatible {@code /chat/completions}): the
 * candidates go as JSON, the answer comes back in a strict JSON schema — per candidate index a
 * score from 0 to 1 and a one-line reason. An answer that is not JSON, leaves a candidate out,
 * scores one twice, names one that was not sent or scores outside [0,1] is refused with a message
 * that says which (retryable: a model may answer well the next time).
 */
public final class ChatHighlightRanker implements HighlightRanker {

  /** More would not fit a small model's context with their words. */
  public static final int MAX_CANDIDATES = 60;

  /** About 90 seconds of speech: a candidate's words past this are not sent. */
  static final int MAX_TEXT_CHARS = 1_500;

  static final String SCHEMA_NAME = "highlight_ranking";

  private static final String INSTRUCTIONS =
      """
      You pick highlights of a long video to post as vertical shorts. Each candidate is a passage \
      of the video's transcript. Score every candidate from 0 to 1 for how well it would work on \
      its own as a short: a hook in its first seconds, one complete thought, a payoff (a surprise, \
      a laugh, a strong claim, an emotion), no need for context from elsewhere in the video. Give \
      each a reason of one line. Answer with JSON only: {"rankings":[{"index":…,"score":…,\
      "reason":"…"}]}, one entry for every candidate index.""";

  private final ChatCompletions chat;
  private final String model;

  ChatHighlightRanker(JsonApiClient api, ChatOptions options) {
    this.chat = new ChatCompletions(api, options);
    this.model = options.model();
  }

  @Override
  public String name() {
    return ChatFactory.NAME + "/" + model;
  }

  @Override
  public List<RankedCandidate> rank(List<CandidateText> candidates) {
    if (candidates.isEmpty()) {
      return List.of();
    }
    if (candidates.size() > MAX_CANDIDATES) {
      throw ReelForgeException.invalidField(
          "candidates",
          "at most " + MAX_CANDIDATES + " are ranked at once, not " + candidates.size());
    }
    ArrayNode messages = Json.MAPPER.createArrayNode();
    messages.addObject().put("role", "system").put("content", INSTRUCTIONS);
    messages.addObject().put("role", "user").put("content", Json.write(payload(candidates)));
    String content = chat.complete(messages, SCHEMA_NAME, schema(), "ranking");
    JsonNode answer;
    try {
      answer = ChatCompletions.readJson(content);
    } catch (ReelForgeException notJson) {
      throw refused("is not JSON: " + shorten(content));
    }
    return read(answer, candidates);
  }

  static ObjectNode payload(List<CandidateText> candidates) {
    ObjectNode root = Json.object();
    ArrayNode list = root.putArray("candidates");
    for (CandidateText candidate : candidates) {
      ObjectNode item = list.addObject();
      item.put("index", candidate.index());
      item.put("title", candidate.title());
      String text = candidate.text();
      item.put("text", text.length() <= MAX_TEXT_CHARS ? text : text.substring(0, MAX_TEXT_CHARS));
    }
    return root;
  }

  static ObjectNode schema() {
    ObjectNode schema = Json.object();
    schema.put("type", "object");
    ObjectNode rankings = schema.putObject("properties").putObject("rankings");
    rankings.put("type", "array");
    ObjectNode item = rankings.putObject("items");
    item.put("type", "object");
    ObjectNode properties = item.putObject("properties");
    properties.putObject("index").put("type", "integer");
    properties.putObject("score").put("type", "number");
    properties.putObject("reason").put("type", "string");
    item.putArray("required").add("index").add("score").add("reason");
    item.put("additionalProperties", false);
    schema.putArray("required").add("rankings");
    schema.put("additionalProperties", false);
    return schema;
  }

  private static List<RankedCandidate> read(JsonNode answer, List<CandidateText> candidates) {
    JsonNode rankings = answer.path("rankings");
    if (!rankings.isArray()) {
      throw refused("has no \"rankings\" array");
    }
    Map<Integer, RankedCandidate> byIndex = new HashMap<>();
    List<Integer> sent = candidates.stream().map(CandidateText::index).toList();
    for (JsonNode ranking : rankings) {
      if (!ranking.path("index").isIntegralNumber() || !ranking.path("score").isNumber()) {
        throw refused("has an entry without an integer index and a numeric score: " + ranking);
      }
      int index = ranking.path("index").asInt();
      double score = ranking.path("score").asDouble();
      if (!sent.contains(index)) {
        throw refused("scores candidate " + index + ", which was not sent");
      }
      if (!(score >= 0 && score <= 1)) {
        throw refused("scores candidate " + index + " " + score + ", outside 0 to 1");
      }
      String reason = ranking.path("reason").asString("").strip().replaceAll("\\s+", " ");
      if (byIndex.put(index, new RankedCandidate(index, score, shorten(reason))) != null) {
        throw refused("scores candidate " + index + " twice");
      }
    }
    List<Integer> missing = new ArrayList<>(sent);
    missing.removeAll(byIndex.keySet());
    if (!missing.isEmpty()) {
      throw refused("leaves out candidate(s) " + missing);
    }
    return byIndex.values().stream()
        .sorted(
            Comparator.comparingDouble(RankedCandidate::score)
                .reversed()
                .thenComparingInt(RankedCandidate::index))
        .toList();
  }

  private static ReelForgeException refused(String what) {
    return new ReelForgeException(
        ErrorCode.EXTERNAL_API_ERROR,
        "the highlight ranker's answer " + what,
        true,
        List.of(),
        null);
  }

  private static String shorten(String text) {
    String line = text.strip();
    return line.length() <= 200 ? line : line.substring(0, 200) + "…";
  }
}
