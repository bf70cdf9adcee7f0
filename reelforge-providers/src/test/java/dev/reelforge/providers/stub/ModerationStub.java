package dev.reelforge.providers.stub;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.reelforge.core.moderation.ModerationFlag;
import dev.reelforge.core.moderation.ModerationResult;
import dev.reelforge.core.moderation.Severity;
import dev.reelforge.providers.moderation.RuleBasedModerator;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A moderation server in OpenAI's shape ({@code results[0].flagged}, {@code categories}, {@code
 * category_scores}, {@code category_applied_input_types}) whose judgement of text comes from the
 * rule-based moderator. A picture ({@code input: [{type: image_url, image_url: {url: data:...}}]})
 * cannot be judged by a stub: it is flagged for graphic violence when its bytes carry the marker
 * {@link #VIOLENT_MARKER} (appended after the image data, which decoders ignore), else passes.
 */
public final class ModerationStub implements ResponseDefinitionTransformerV2 {

  public static final String NAME = "moderation";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final List<String> ALL =
      List.of(
          "harassment",
          "harassment/threatening",
          "hate",
          "hate/threatening",
          "illicit",
          "illicit/violent",
          "self-harm",
          "self-harm/intent",
          "self-harm/instructions",
          "sexual",
          "sexual/minors",
          "violence",
          "violence/graphic");

  /** Bytes a test appends to a picture to have the stub flag it. */
  public static final String VIOLENT_MARKER = "stub-moderation:violence";

  private final RuleBasedModerator rules = new RuleBasedModerator();

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
    if (request.path("input").isArray()) {
      return picture(serveEvent, request);
    }
    ModerationResult verdict = rules.moderate(request.path("input").asString());
    ObjectNode answer = JSON.createObjectNode();
    answer.put("id", "modr-stub");
    answer.put("model", request.path("model").asString());
    ObjectNode result = answer.putArray("results").addObject();
    ObjectNode categories = result.putObject("categories");
    ObjectNode scores = result.putObject("category_scores");
    ALL.forEach(
        name -> {
          categories.put(name, false);
          scores.put(name, 0.001);
        });
    for (ModerationFlag flag : verdict.flags()) {
      String name =
          switch (flag.category()) {
            case HATE -> "hate";
            case HARASSMENT -> "harassment";
            case VIOLENCE -> "violence";
            case SELF_HARM -> "self-harm/intent";
            case SEXUAL -> "sexual";
            case DRUGS -> "illicit";
            case PROFANITY, SPAM -> null;
          };
      if (name == null) {
        continue;
      }
      categories.put(name, flag.severity() != Severity.LOW);
      scores.put(
          name,
          flag.severity() == Severity.HIGH
              ? 0.93
              : flag.severity() == Severity.MEDIUM ? 0.6 : 0.35);
    }
    result.put("flagged", !verdict.flags().isEmpty());
    ObjectNode applied = result.putObject("category_applied_input_types");
    ALL.forEach(name -> applied.putArray(name).add("text"));
    return respond(serveEvent, answer);
  }

  private ResponseDefinition picture(ServeEvent serveEvent, JsonNode request) {
    JsonNode part = request.path("input").path(0);
    String url = part.path("image_url").path("url").asString();
    if (!part.path("type").asString().equals("image_url") || !url.startsWith("data:image/")) {
      return ResponseDefinitionBuilder.responseDefinition()
          .withStatus(400)
          .withHeader("Content-Type", "application/json")
          .withBody(
              "{\"error\":{\"message\":\"Invalid image input\",\"type\":\"invalid_request_error\"}}")
          .build();
    }
    byte[] bytes = java.util.Base64.getDecoder().decode(url.substring(url.indexOf(",") + 1));
    boolean violent =
        new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).contains(VIOLENT_MARKER);
    ObjectNode answer = JSON.createObjectNode();
    answer.put("id", "modr-stub-image");
    answer.put("model", request.path("model").asString());
    ObjectNode result = answer.putArray("results").addObject();
    ObjectNode categories = result.putObject("categories");
    ObjectNode scores = result.putObject("category_scores");
    ObjectNode applied = result.putObject("category_applied_input_types");
    ALL.forEach(
        name -> {
          categories.put(name, false);
          scores.put(name, 0.001);
          boolean image =
              name.startsWith("sexual")
                  || name.startsWith("self-harm")
                  || name.startsWith("violence");
          applied.putArray(name);
          if (image && !name.equals("sexual/minors")) {
            ((tools.jackson.databind.node.ArrayNode) applied.path(name)).add("image");
          }
        });
    if (violent) {
      categories.put("violence", true);
      categories.put("violence/graphic", true);
      scores.put("violence", 0.71);
      scores.put("violence/graphic", 0.66);
    }
    result.put("flagged", violent);
    return respond(serveEvent, answer);
  }

  private static ResponseDefinition respond(ServeEvent serveEvent, ObjectNode answer) {
    return ResponseDefinitionBuilder.like(serveEvent.getResponseDefinition())
        .withHeader("Content-Type", "application/json")
        .withBody(JSON.writeValueAsString(answer))
        .build();
  }
}
