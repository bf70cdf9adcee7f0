package dev.reelforge.core.script;

import dev.reelforge.core.error.ReelForgeException;
import java.util.Objects;

/**
 * What to write a script from.
 *
 * @param input the idea, paragraph, article text or manual script
 * @param kind which of those it is
 * @param maxBeats how many beats at most (2–{@link StoryLimits#MAX_BEATS})
 */
public record ScriptRequest(String input, InputKind kind, int maxBeats) {

  public ScriptRequest {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(kind, "kind");
    if (input.isBlank()) {
      throw ReelForgeException.invalidField("input", "must not be blank");
    }
    int limit =
        switch (kind) {
          case IDEA, PARAGRAPH -> StoryLimits.MAX_INPUT_CHARS;
          case ARTICLE -> StoryLimits.MAX_ARTICLE_CHARS;
          case MANUAL -> StoryLimits.MAX_TOTAL_CHARS;
        };
    if (input.length() > limit) {
      throw ReelForgeException.invalidField(
          kind == InputKind.MANUAL ? "scriptText" : "input",
          "must be at most " + limit + " characters (it has " + input.length() + ")");
    }
    if (maxBeats < 2 || maxBeats > StoryLimits.MAX_BEATS) {
      throw ReelForgeException.invalidField(
          "maxBeats", "must be between 2 and " + StoryLimits.MAX_BEATS);
    }
  }

  public static ScriptRequest of(String input, InputKind kind) {
    return new ScriptRequest(input, kind, StoryLimits.MAX_BEATS);
  }
}
