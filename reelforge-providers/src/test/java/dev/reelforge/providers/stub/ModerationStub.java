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
 * category_scores}) whose judgement comes from the rule-based moderator.
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
    return ResponseDefinitionBuilder.like(serveEvent.getResponseDefinition())
        .withHeader("Content-Type", "application/json")
        .withBody(JSON.writeValueAsString(answer))
        .build();
  }
}
