package dev.reelforge.core.music;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The feel of a piece of background music. */
public enum Mood {
  CALM,
  UPLIFTING,
  TENSE,
  PLAYFUL,
  MYSTERIOUS;

  private static final Map<Mood, List<String>> CUES =
      Map.of(
          UPLIFTING,
          List.of(
              "success", "win", "grow", "hope", "dream", "achieve", "inspire", "future", "best"),
          TENSE,
          List.of(
              "danger", "war", "crisis", "threat", "fear", "attack", "disaster", "risk", "death"),
          PLAYFUL,
          List.of("fun", "funny", "play", "game", "cute", "silly", "joke", "party", "kids"),
          MYSTERIOUS,
          List.of("mystery", "secret", "unknown", "strange", "space", "moon", "ancient", "hidden"),
          CALM,
          List.of("calm", "relax", "sleep", "peace", "nature", "gentle", "quiet", "breathe"));

  /**
   * The mood a script suggests, from the words it uses; {@link #CALM} when nothing stands out (calm
   * music sits under any narration).
   */
  public static Mood suggestedBy(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    Mood best = CALM;
    long bestCount = 0;
    for (Mood mood : values()) {
      long count =
          CUES.get(mood).stream()
              .mapToLong(cue -> lower.split("\\b" + cue + "\\b", -1).length - 1L)
              .sum();
      if (count > bestCount) {
        best = mood;
        bestCount = count;
      }
    }
    return best;
  }

  /**
   * The mood a music file's tags (folder names, file name, sidecar) give it: a tag naming a mood
   * ({@code calm/}, {@code uplifting-sunrise.mp3}) wins, else the mood whose cue words appear most;
   * empty when none does.
   */
  public static Optional<Mood> tagged(Collection<String> tags) {
    for (String tag : tags) {
      for (Mood mood : values()) {
        if (tag.equalsIgnoreCase(mood.name())) {
          return Optional.of(mood);
        }
      }
    }
    Mood best = null;
    long bestCount = 0;
    for (Mood mood : values()) {
      long count =
          tags.stream().filter(t -> CUES.get(mood).contains(t.toLowerCase(Locale.ROOT))).count();
      if (count > bestCount) {
        best = mood;
        bestCount = count;
      }
    }
    return Optional.ofNullable(best);
  }
}
