package dev.reelforge.media.procedural.icons;

import java.util.Locale;
import java.util.Map;

/**
 * A light English stemmer for matching a beat's words against icon names and search terms: plurals,
 * {@code -ing} and {@code -ed} and a final {@code e} are removed, so that "octopuses", "oceans",
 * "swimming" and "baked" meet "octopus", "ocean", "swim" and "bake". Both sides of a match go
 * through it, so a stem only has to be the same for the words that belong together, not a real word
 * ("bake" and "baking" both become "bak").
 */
public final class WordStem {

  /** Plurals that no suffix rule undoes. */
  private static final Map<String, String> IRREGULAR =
      Map.ofEntries(
          Map.entry("children", "child"),
          Map.entry("men", "man"),
          Map.entry("women", "woman"),
          Map.entry("people", "person"),
          Map.entry("teeth", "tooth"),
          Map.entry("feet", "foot"),
          Map.entry("mice", "mouse"),
          Map.entry("geese", "goose"),
          Map.entry("octopi", "octopus"),
          Map.entry("cacti", "cactus"),
          Map.entry("fungi", "fungus"),
          Map.entry("dice", "die"),
          Map.entry("data", "datum"));

  private WordStem() {}

  /** The stem of one word (letters, digits, apostrophes); empty for an empty word. */
  public static String of(String word) {
    String w = word.toLowerCase(Locale.ROOT).replace('’', '\'').strip();
    if (w.endsWith("'s")) {
      w = w.substring(0, w.length() - 2);
    }
    w = IRREGULAR.getOrDefault(w, w);
    w = plural(w);
    w = verbEnding(w);
    if (w.length() > 3 && w.endsWith("e") && !w.endsWith("ee")) {
      w = w.substring(0, w.length() - 1);
    }
    return w;
  }

  private static String plural(String w) {
    if (w.length() <= 3) {
      return w;
    }
    if (w.endsWith("ies") && w.length() > 4) {
      return w.substring(0, w.length() - 3) + "y";
    }
    if (w.endsWith("ves") && w.length() > 4) {
      return w.substring(0, w.length() - 3) + "f";
    }
    if (w.endsWith("uses") || w.endsWith("sses") || w.endsWith("shes") || w.endsWith("ches")) {
      return w.substring(0, w.length() - 2);
    }
    if (w.endsWith("xes") || w.endsWith("zes")) {
      return w.substring(0, w.length() - 2);
    }
    if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
      return w.substring(0, w.length() - 1);
    }
    return w;
  }

  private static String verbEnding(String w) {
    String base = null;
    if (w.endsWith("ing") && w.length() >= 6) {
      base = w.substring(0, w.length() - 3);
    } else if (w.endsWith("ed") && w.length() >= 5 && !w.endsWith("eed")) {
      base = w.substring(0, w.length() - 2);
    }
    if (base == null || !hasVowel(base)) {
      return w;
    }
    // "swimming" → "swimm" → "swim"; but "falling" keeps its double l as "fall" does.
    int n = base.length();
    if (n >= 2
        && base.charAt(n - 1) == base.charAt(n - 2)
        && "lsz".indexOf(base.charAt(n - 1)) < 0
        && !hasVowel(String.valueOf(base.charAt(n - 1)))) {
      base = base.substring(0, n - 1);
    }
    return base;
  }

  private static boolean hasVowel(String s) {
    for (int i = 0; i < s.length(); i++) {
      if ("aeiouy".indexOf(s.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }
}
