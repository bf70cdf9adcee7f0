package dev.reelforge.story.session;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.FieldViolation;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.story.BeatVisuals;
import java.util.ArrayList;
import java.util.List;

/** Seed 000's script limits as configured ({@code reelforge.story.*}), each broken one named. */
final class ScriptLimits {

  private final SessionLimits settings;

  ScriptLimits(SessionLimits settings) {
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
    if (sentences.size() > settings.maxBeats()) {
      problems.add(
          new FieldViolation(
              field,
              "has "
                  + sentences.size()
                  + " beats; at most "
                  + settings.maxBeats()
                  + " are allowed"));
    }
    int total = 0;
    for (int i = 0; i < sentences.size(); i++) {
      String sentence = sentences.get(i);
      total += sentence.length();
      if (sentence.isBlank()) {
        problems.add(new FieldViolation(field + "[" + i + "]", "must not be blank"));
      } else if (sentence.length() > settings.maxBeatChars()) {
        problems.add(
            new FieldViolation(
                field + "[" + i + "]",
                "has "
                    + sentence.length()
                    + " characters; a beat may have at most "
                    + settings.maxBeatChars()));
      }
    }
    if (total > settings.maxTotalChars()) {
      problems.add(
          new FieldViolation(
              field,
              "has "
                  + total
                  + " characters; a script may have at most "
                  + settings.maxTotalChars()));
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
              + settings.maxRenderSeconds()
              + " s are allowed");
    }
  }

  long maxMillis() {
    return settings.maxRenderSeconds() * 1000L;
  }

  /** A manual script's beats: its non-blank lines. */
  static List<String> lines(String text) {
    return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }
}
