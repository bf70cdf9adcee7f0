package dev.reelforge.providers.chat;

import dev.reelforge.core.script.Beat;
import dev.reelforge.core.script.CopyRequest;
import dev.reelforge.core.script.InputKind;
import dev.reelforge.core.script.ManualScripts;
import dev.reelforge.core.script.PostCopy;
import dev.reelforge.core.script.Script;
import dev.reelforge.core.script.ScriptMetadata;
import dev.reelforge.core.script.ScriptOrigin;
import dev.reelforge.core.script.ScriptRequest;
import dev.reelforge.core.script.ScriptRules;
import dev.reelforge.core.script.ScriptWriter;
import dev.reelforge.core.script.StoryLimits;
import dev.reelforge.providers.http.Json;
import dev.reelforge.providers.http.JsonApiClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * Scripts and storyboards from a language model behind an OpenAI-compatible chat completions API
 * ({@code POST /chat/completions}): OpenAI, DeepSeek, Ollama, vLLM and others, chosen by base URL,
 * key and model. The answer is constrained with a JSON schema ({@code response_format:
 * json_schema}, strict) or, for servers without schema support, JSON mode. A script outside seed
 * 000's limits is sent back once with the problems listed; a second miss fails the call. Manual
 * scripts never reach the model.
 */
public final class ChatScriptWriter implements ScriptWriter {

  public static final String NAME = ChatFactory.NAME;

  private final ChatOptions options;
  private final ChatCompletions completions;
  private final ChatPostCopy copy;

  ChatScriptWriter(JsonApiClient api, ChatOptions options) {
    this.options = options;
    this.completions = new ChatCompletions(api, options);
    this.copy = new ChatPostCopy(completions, options, this::derivedCopy);
  }

  @Override
  public String name() {
    return NAME;
  }

  /**
   * The copy written by the model for the platform and locale, checked and fitted to the platform's
   * limits; the offline derivation, with a notice, when the answer is unusable.
   */
  @Override
  public PostCopy copyFor(CopyRequest request) {
    return copy.write(request);
  }

  private PostCopy derivedCopy(CopyRequest request) {
    return ScriptWriter.super.copyFor(request);
  }

  @Override
  public Script write(ScriptRequest request) {
    if (request.kind() == InputKind.MANUAL) {
      return ManualScripts.of(request.input(), NAME);
    }
    ArrayNode messages = Json.MAPPER.createArrayNode();
    messages.addObject().put("role", "system").put("content", systemPrompt(request));
    messages.addObject().put("role", "user").put("content", userPrompt(request));
    String answer = complete(messages);
    Script script = parse(answer, request);
    List<String> problems = ScriptRules.problems(script);
    if (problems.isEmpty()) {
      return script;
    }
    messages.addObject().put("role", "assistant").put("content", answer);
    messages
        .addObject()
        .put("role", "user")
        .put(
            "content",
            "That script breaks these limits: "
                + String.join("; ", problems)
                + ". Return the corrected script in the same JSON shape.");
    return ScriptRules.check(parse(complete(messages), request));
  }

  private String complete(ArrayNode messages) {
    return completions.complete(messages, "short_video_script", ScriptSchema.schema(), "script");
  }

  private Script parse(String content, ScriptRequest request) {
    JsonNode root = ChatCompletions.readJson(content);
    List<Beat> beats = new ArrayList<>();
    JsonNode items = root.path("beats");
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.path(i);
      List<String> keywords = new ArrayList<>();
      item.path("keywords")
          .forEach(
              k -> {
                String keyword = k.asString("").strip().toLowerCase(Locale.ROOT);
                if (!keyword.isEmpty()) {
                  keywords.add(keyword);
                }
              });
      beats.add(
          new Beat(
              Beat.roleAt(i, items.size()),
              item.path("text").asString("").strip(),
              keywords,
              item.path("shot").asString("")));
    }
    List<String> hashtags = new ArrayList<>();
    root.path("hashtags")
        .forEach(
            tag -> {
              String cleaned = tag.asString("").replace("#", "").strip();
              if (!cleaned.isEmpty()) {
                hashtags.add(cleaned);
              }
            });
    if (hashtags.isEmpty()) {
      hashtags.addAll(ScriptMetadata.hashtags(beats));
    }
    String title = root.path("title").asString("").strip();
    String description = root.path("description").asString("").strip();
    return new Script(
        title.isEmpty() && !beats.isEmpty() ? ScriptMetadata.title(beats.getFirst().text()) : title,
        beats,
        description.isEmpty() ? ScriptMetadata.description(beats, hashtags) : description,
        hashtags.subList(0, Math.min(hashtags.size(), ScriptMetadata.MAX_HASHTAGS)),
        ScriptOrigin.GENERATED,
        NAME + "/" + options.model(),
        request.kind() == InputKind.IDEA
            ? "Written by a language model from a bare idea: check the facts before publishing."
            : "");
  }

  private String systemPrompt(ScriptRequest request) {
    String shape =
        options.structuredOutput() == StructuredOutput.JSON_OBJECT
            ? " Answer with JSON only, matching this schema: " + Json.write(ScriptSchema.schema())
            : "";
    return "You write narration for vertical short videos (TikTok, Reels, Shorts). Write "
        + request.maxBeats()
        + " beats at most: the first is a hook that stops the scroll, the last a closing line."
        + " Each beat is one or two short spoken sentences of at most "
        + StoryLimits.MAX_BEAT_CHARS
        + " characters, and the whole script at most "
        + StoryLimits.MAX_TOTAL_CHARS
        + " characters. Use only facts found in the user's text; for a bare idea, stay general"
        + " and make no claims of fact you cannot support. For each beat give 2 to 4 concrete"
        + " search keywords and a one-sentence shot description."
        + shape;
  }

  private static String userPrompt(ScriptRequest request) {
    String label =
        switch (request.kind()) {
          case IDEA -> "Idea";
          case PARAGRAPH -> "Text";
          case ARTICLE -> "Article";
          case MANUAL -> "Script";
        };
    return label + ":\n" + request.input();
  }
}
