package dev.reelforge.app.story.session;

import dev.reelforge.app.config.StorySettings;
import dev.reelforge.app.story.BeatVisuals;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.FieldViolation;
import dev.reelforge.core.error.ReelForgeException;
import java.util.ArrayList;
import java.util.List;

/** Seed 000's script limits as configured ({@code reelforge.story.*}), each broken one named. */
final class ScriptLimits {

  private final StorySettings settings;

  ScriptLimits(StorySettings settings) {
    this.settings = settings;
  }

  /**
   * @param field the request field the sentences came from, named in the errors
   * @throws ReelForgeException INVALID_INPUT listing every broken limit
   */
  void check(List<String> sentences, String field) {
    List<FieldViolation> problems = new ArrayList<>();
    if (sentences.isEmpty()) {
      problems.add(new FieldViolation(field, "needs at least one beat"));
    }
    if (sentences.size() > settings.getMaxBeats()) {
      problems.add(
          new FieldViolation(
              field,
              "has "
                  + sentences.size()
                  + " beats; at most "
                  + settings.getMaxBeats()
                  + " are allowed"));
    }
    int total = 0;
    for (int i = 0; i < sentences.size(); i++) {
      String sentence = sentences.get(i);
      total += sentence.length();
      if (sentence.isBlank()) {
        problems.add(new FieldViolation(field + "[" + i + "]", "must not be blank"));
      } else if (sentence.length() > settings.getMaxBeatChars()) {
        problems.add(
            new FieldViolation(
                field + "[" + i + "]",
                "has "
                    + sentence.length()
                    + " characters; a beat may have at most "
                    + settings.getMaxBeatChars()));
      }
    }
    if (total > settings.getMaxTotalChars()) {
      problems.add(
          new FieldViolation(
              field,
              "has "
                  + total
                  + " characters; a script may have at most "
                  + settings.getMaxTotalChars()));
    }
    if (!problems.isEmpty()) {
      throw ReelForgeException.invalidInput("the script breaks the story limits", problems);
    }
  }

  /**
   * Refuses a script whose estimated video is over the render limit, before any work starts (the
   * pipeline checks the real narration again).
   */
  void checkDuration(List<String> sentences) {
    long estimate = sentences.stream().mapToLong(BeatVisuals::beatMillis).sum();
    if (estimate > maxMillis()) {
      throw new ReelForgeException(
          ErrorCode.VALIDATION_FAILED,
          "the script would make a video of about "
              + estimate / 1000
              + " s; at most "
              + settings.getMaxRenderSeconds()
              + " s are allowed");
    }
  }

  long maxMillis() {
    return settings.getMaxRenderSeconds() * 1000L;
  }

  /** A manual script's beats: its non-blank lines. */
  static List<String> lines(String text) {
    return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }
}
