package dev.reelforge.providers.stub;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.reelforge.core.script.Beat;
import dev.reelforge.core.script.InputKind;
import dev.reelforge.core.script.Script;
import dev.reelforge.core.script.ScriptRequest;
import dev.reelforge.providers.script.ExtractiveScriptWriter;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A chat completions server that "writes" with the extractive writer: it reads the user message the
 * adapter sent and answers in the documented envelope ({@code choices[0].message.content}, {@code
 * finish_reason}, {@code usage}), with the script as JSON in the schema's shape.
 */
public final class ChatStub implements ResponseDefinitionTransformerV2 {

  public static final String NAME = "chat-writer";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final ExtractiveScriptWriter writer = new ExtractiveScriptWriter();

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    JsonNode request = JSON.readTree(serveEvent.getRequest().getBodyAsString());
    String user = "";
    for (JsonNode message : request.path("messages")) {
      if (message.path("role").asString().equals("user")) {
        user = message.path("content").asString();
        break;
      }
    }
    if (user.startsWith(COPY_LABEL + "\n")) {
      return ResponseDefinitionBuilder.like(serveEvent.getResponseDefinition())
          .withHeader("Content-Type", "application/json")
          .withBody(completion(request.path("model").asString(), copyJson(user), user.length()))
          .build();
    }
    int newline = user.indexOf('\n');
    String label = user.substring(0, Math.max(0, newline)).replace(":", "");
    String text = user.substring(newline + 1);
    InputKind kind =
        switch (label) {
          case "Idea" -> InputKind.IDEA;
          case "Article" -> InputKind.ARTICLE;
          default -> InputKind.PARAGRAPH;
        };
    Script script = writer.write(ScriptRequest.of(text, kind));
    return ResponseDefinitionBuilder.like(serveEvent.getResponseDefinition())
        .withHeader("Content-Type", "application/json")
        .withBody(completion(request.path("model").asString(), scriptJson(script), user.length()))
        .build();
  }

  /** How the chat writer's request for a post's copy begins. */
  static final String COPY_LABEL = "Post copy";

  /**
   * A post's copy as a verbose model writes it, with no regard to the platform's limits: the title
   * asked (or the narration's first words), the whole narration, and every hashtag asked plus the
   * platform's name. What fits is the adapter's business.
   */
  static String copyJson(String user) {
    Map<String, String> fields = new HashMap<>();
    for (String line : user.split("\n")) {
      int colon = line.indexOf(": ");
      if (colon > 0) {
        fields.put(line.substring(0, colon), line.substring(colon + 2));
      }
    }
    String narration = fields.getOrDefault("Narration", "");
    String title = fields.getOrDefault("Title", "");
    ObjectNode content = JSON.createObjectNode();
    content.put(
        "title",
        title.isBlank() ? narration.substring(0, Math.min(60, narration.length())) : title);
    content.put("description", narration);
    ArrayNode hashtags = content.putArray("hashtags");
    for (String tag : fields.getOrDefault("Hashtags", "").split("\\s+")) {
      if (!tag.isBlank()) {
        hashtags.add(tag);
      }
    }
    hashtags.add(fields.getOrDefault("Platform", "shorts"));
    return JSON.writeValueAsString(content);
  }

  static String scriptJson(Script script) {
    ObjectNode content = JSON.createObjectNode();
    content.put("title", script.title());
    ArrayNode beats = content.putArray("beats");
    for (Beat beat : script.beats()) {
      ObjectNode item = beats.addObject();
      item.put("text", beat.text());
      ArrayNode keywords = item.putArray("keywords");
      beat.keywords().forEach(keywords::add);
      item.put("shot", "A cinematic shot of " + String.join(" and ", beat.keywords()));
    }
    content.put("description", script.description());
    ArrayNode hashtags = content.putArray("hashtags");
    script.hashtags().forEach(hashtags::add);
    return JSON.writeValueAsString(content);
  }

  /** The chat completions envelope around {@code content}. */
  public static String completion(String model, String content, int promptChars) {
    ObjectNode answer = JSON.createObjectNode();
    answer.put("id", "chatcmpl-stub");
    answer.put("object", "chat.completion");
    answer.put("created", 1_763_700_000L);
    answer.put("model", model);
    ObjectNode choice = answer.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode message = choice.putObject("message");
    message.put("role", "assistant");
    message.put("content", content);
    message.putNull("refusal");
    choice.put("finish_reason", "stop");
    ObjectNode usage = answer.putObject("usage");
    int prompt = promptChars / 4 + 200;
    int completion = content.length() / 4;
    usage.put("prompt_tokens", prompt);
    usage.put("completion_tokens", completion);
    usage.put("total_tokens", prompt + completion);
    return JSON.writeValueAsString(answer);
  }
}
