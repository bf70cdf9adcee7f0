package dev.reelforge.providers.openai;

import dev.reelforge.core.cost.Prices;
import dev.reelforge.core.moderation.ModerationCategory;
import dev.reelforge.core.moderation.ModerationFlag;
import dev.reelforge.core.moderation.ModerationResult;
import dev.reelforge.core.moderation.Moderator;
import dev.reelforge.core.moderation.Severity;
import dev.reelforge.providers.http.Json;
import dev.reelforge.providers.http.JsonApiClient;
import dev.reelforge.providers.http.ProviderResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI's moderation endpoint ({@code POST /moderations}, free of charge). Its categories map onto
 * ours; severity follows the category score: at least 0.8, or a flagged "threatening", "intent",
 * "instructions", "minors" or "graphic" sub-category, is HIGH (blocks); a flagged category is
 * MEDIUM; a score above 0.3 is LOW, for the reviewer. Flags concern the whole text (the API gives
 * no positions).
 */
public final class OpenAiModerator implements Moderator {

  public static final String NAME = OpenAiFactory.NAME;

  private static final Map<String, ModerationCategory> CATEGORIES =
      Map.ofEntries(
          Map.entry("hate", ModerationCategory.HATE),
          Map.entry("hate/threatening", ModerationCategory.HATE),
          Map.entry("harassment", ModerationCategory.HARASSMENT),
          Map.entry("harassment/threatening", ModerationCategory.HARASSMENT),
          Map.entry("violence", ModerationCategory.VIOLENCE),
          Map.entry("violence/graphic", ModerationCategory.VIOLENCE),
          Map.entry("self-harm", ModerationCategory.SELF_HARM),
          Map.entry("self-harm/intent", ModerationCategory.SELF_HARM),
          Map.entry("self-harm/instructions", ModerationCategory.SELF_HARM),
          Map.entry("sexual", ModerationCategory.SEXUAL),
          Map.entry("sexual/minors", ModerationCategory.SEXUAL),
          Map.entry("illicit", ModerationCategory.DRUGS),
          Map.entry("illicit/violent", ModerationCategory.VIOLENCE));

  private final JsonApiClient api;
  private final String model;

  OpenAiModerator(JsonApiClient api, String model) {
    this.api = api;
    this.model = model;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ModerationResult moderate(String text) {
    ObjectNode body = Json.object();
    body.put("model", model);
    body.put("input", text);
    ProviderResponse response = api.post("/moderations", body);
    api.meter("moderation", model, text.length(), "characters", Prices.FREE, response);
    JsonNode result = api.json(response).path("results").path(0);
    return new ModerationResult(flags(result), NAME + "/" + model);
  }

  /** The flags of one {@code results[]} entry: the worst per category of ours. */
  static List<ModerationFlag> flags(JsonNode result) {
    JsonNode flagged = result.path("categories");
    JsonNode scores = result.path("category_scores");
    Map<ModerationCategory, ModerationFlag> worst =
        new java.util.EnumMap<>(ModerationCategory.class);
    for (Map.Entry<String, ModerationCategory> entry : CATEGORIES.entrySet()) {
      String name = entry.getKey();
      double score = scores.path(name).asDouble(0);
      boolean isFlagged = flagged.path(name).asBoolean(false);
      Severity severity = severity(name, isFlagged, score);
      if (severity == null) {
        continue;
      }
      ModerationFlag flag =
          new ModerationFlag(
              entry.getValue(),
              severity,
              -1,
              -1,
              "OpenAI moderation: "
                  + name
                  + " (score "
                  + String.format(java.util.Locale.ROOT, "%.2f", score)
                  + ")");
      worst.merge(
          entry.getValue(), flag, (a, b) -> a.severity().compareTo(b.severity()) >= 0 ? a : b);
    }
    return new ArrayList<>(worst.values());
  }

  private static Severity severity(String name, boolean flagged, double score) {
    boolean grave =
        name.endsWith("threatening")
            || name.endsWith("intent")
            || name.endsWith("instructions")
            || name.endsWith("minors")
            || name.endsWith("graphic");
    if (score >= 0.8 || (flagged && grave)) {
      return Severity.HIGH;
    }
    if (flagged) {
      return Severity.MEDIUM;
    }
    return score > 0.3 ? Severity.LOW : null;
  }
}
