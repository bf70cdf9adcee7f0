package dev.reelforge.core.script;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.FieldViolation;
import dev.reelforge.core.error.ReelForgeException;
import java.util.ArrayList;
import java.util.List;

/** Seed 000's limits applied to manual scripts (the user's fault) and written ones (ours). */
public final class ScriptRules {

  private ScriptRules() {}

  /**
   * Splits a manual script into beats, one per non-blank line, exactly as written apart from
   * surrounding spaces.
   *
   * @throws ReelForgeException {@code VALIDATION_FAILED} naming every line that breaks a limit
   */
  public static List<String> splitManual(String scriptText) {
    List<String> beats =
        scriptText.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    List<FieldViolation> violations = new ArrayList<>();
    if (beats.isEmpty()) {
      violations.add(new FieldViolation("scriptText", "must contain at least one line of text"));
    }
    if (scriptText.length() > StoryLimits.MAX_TOTAL_CHARS) {
      violations.add(
          new FieldViolation(
              "scriptText",
              "must be at most "
                  + StoryLimits.MAX_TOTAL_CHARS
                  + " characters (it has "
                  + scriptText.length()
                  + ")"));
    }
    if (beats.size() > StoryLimits.MAX_BEATS) {
      violations.add(
          new FieldViolation(
              "scriptText",
              "Maximum "
                  + StoryLimits.MAX_BEATS
                  + " beats allowed (one per line; it has "
                  + beats.size()
                  + ")"));
    }
    for (int i = 0; i < beats.size(); i++) {
      if (beats.get(i).length() > StoryLimits.MAX_BEAT_CHARS) {
        violations.add(
            new FieldViolation(
                "beats[" + i + "]",
                "Each beat must be ≤ "
                    + StoryLimits.MAX_BEAT_CHARS
                    + " characters (line "
                    + (i + 1)
                    + " has "
                    + beats.get(i).length()
                    + ")"));
      }
    }
    if (!violations.isEmpty()) {
      throw new ReelForgeException(
          ErrorCode.VALIDATION_FAILED,
          "the script breaks the story limits",
          false,
          violations,
          null);
    }
    return beats;
  }

  /**
   * The problems of a written script, empty when it is within every limit. Writers use it to reject
   * (or repair) what a model returned before anyone narrates it.
   */
  public static List<String> problems(Script script) {
    List<String> problems = new ArrayList<>();
    List<Beat> beats = script.beats();
    if (beats.isEmpty()) {
      problems.add("the script has no beats");
    }
    if (beats.size() > StoryLimits.MAX_BEATS) {
      problems.add("it has " + beats.size() + " beats; at most " + StoryLimits.MAX_BEATS);
    }
    int total = 0;
    for (int i = 0; i < beats.size(); i++) {
      Beat beat = beats.get(i);
      total += beat.text().length();
      if (beat.text().isBlank()) {
        problems.add("beat " + (i + 1) + " is empty");
      }
      if (beat.text().length() > StoryLimits.MAX_BEAT_CHARS) {
        problems.add(
            "beat "
                + (i + 1)
                + " has "
                + beat.text().length()
                + " characters; at most "
                + StoryLimits.MAX_BEAT_CHARS);
      }
      if (beat.keywords().isEmpty()) {
        problems.add("beat " + (i + 1) + " has no keywords for its visual");
      }
    }
    if (total > StoryLimits.MAX_TOTAL_CHARS) {
      problems.add("it has " + total + " characters; at most " + StoryLimits.MAX_TOTAL_CHARS);
    }
    if (script.title().isBlank() || script.title().length() > ScriptMetadata.MAX_TITLE_CHARS) {
      problems.add("the title must have 1 to " + ScriptMetadata.MAX_TITLE_CHARS + " characters");
    }
    if (script.description().length() > ScriptMetadata.MAX_DESCRIPTION_CHARS) {
      problems.add(
          "the description must have at most "
              + ScriptMetadata.MAX_DESCRIPTION_CHARS
              + " characters");
    }
    return problems;
  }

  /**
   * Throws when a written script breaks a limit.
   *
   * @throws ReelForgeException {@code SCRIPT_GENERATION_FAILED} listing the problems
   */
  public static Script check(Script script) {
    List<String> problems = problems(script);
    if (!problems.isEmpty()) {
      throw new ReelForgeException(
          ErrorCode.SCRIPT_GENERATION_FAILED,
          script.writer() + " wrote a script outside the limits: " + String.join("; ", problems));
    }
    return script;
  }
}
