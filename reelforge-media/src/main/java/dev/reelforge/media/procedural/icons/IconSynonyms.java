package dev.reelforge.media.procedural.icons;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A short hand-written list that bridges words narration uses and the icon set's vocabulary ("tide"
 * → {@code water}, "centimetres" → {@code ruler}), and the words that name no subject an icon could
 * show (numbers, "cause", "rather"). Cheap on purpose: a few hundred words for common creator
 * topics, read from {@code icon-synonyms.txt} beside this class.
 */
public final class IconSynonyms {

  /** A synonym's match counts this much of a direct one. */
  static final double WEIGHT = 0.8;

  private static final String IGNORE = "ignore";

  private final Map<String, List<String>> byStem;
  private final Set<String> ignored;

  IconSynonyms(Map<String, List<String>> byStem, Set<String> ignored) {
    this.byStem = Map.copyOf(byStem);
    this.ignored = Set.copyOf(ignored);
  }

  /** The bundled list. */
  public static IconSynonyms bundled() {
    try (InputStream in = IconSynonyms.class.getResourceAsStream("icon-synonyms.txt")) {
      if (in == null) {
        throw new IOException("icon-synonyms.txt is not on the class path");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ReelForgeException(ErrorCode.INTERNAL_ERROR, "could not read the icon synonyms", e);
    }
  }

  /**
   * Lines {@code word: other, other}; {@code ignore: word, word} lists words that never pick an
   * icon; {@code #} starts a comment.
   */
  static IconSynonyms parse(String text) {
    Map<String, List<String>> byStem = new HashMap<>();
    Set<String> ignored = new HashSet<>();
    for (String raw : text.split("\n")) {
      String line = raw.replaceFirst("#.*", "").strip();
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = line.substring(0, colon).strip();
      List<String> values =
          Arrays.stream(line.substring(colon + 1).split(","))
              .map(String::strip)
              .filter(v -> !v.isEmpty())
              .toList();
      if (key.equals(IGNORE)) {
        values.forEach(v -> ignored.add(WordStem.of(v)));
      } else {
        for (String word : key.split("\\s*/\\s*")) {
          byStem.merge(
              WordStem.of(word),
              values,
              (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
        }
      }
    }
    return new IconSynonyms(byStem, ignored);
  }

  /** What {@code word} may also be looked up as; empty when the list has nothing for it. */
  public List<String> of(String word) {
    return byStem.getOrDefault(WordStem.of(word), List.of());
  }

  /** Whether {@code word} names nothing an icon could show. */
  public boolean ignored(String word) {
    return ignored.contains(WordStem.of(word));
  }
}
