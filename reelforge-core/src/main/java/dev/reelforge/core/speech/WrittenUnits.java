package dev.reelforge.core.speech;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Cuts written text into the units a caption shows as one word: the text's whitespace-separated
 * tokens, except that a number and the unit after it ("3.8 cm", "10 %", "60 km/h", "5 million")
 * form one unit. Currency ("$5.99"), "#1", years, ordinals, abbreviations ("e.g.") and links are
 * single tokens already. {@link TextNormalizer#normalize} speaks the text unit by unit, so every
 * unit's spoken words are known and the spoken words can be mapped back to the written ones ({@link
 * WrittenWords}).
 */
public final class WrittenUnits {

  private static final Pattern SPACES = Pattern.compile("\\s+");

  /**
   * Units that stay with the number before them: those the normaliser spells out, a few it leaves
   * for the engine to read, and scale words. Longest first, so "km/h" wins over "km".
   */
  private static final Pattern UNIT_AFTER_NUMBER =
      Pattern.compile(
          "^(?:%|"
              + Stream.concat(
                      TextNormalizer.unitSymbols().stream(),
                      Stream.of(
                          "m",
                          "g",
                          "mg",
                          "ml",
                          "ft",
                          "lb",
                          "lbs",
                          "oz",
                          "mi",
                          "ms",
                          "Hz",
                          "kHz",
                          "MHz",
                          "GHz",
                          "kW",
                          "GB",
                          "MB",
                          "TB",
                          "kB",
                          "am",
                          "pm",
                          "a.m.",
                          "p.m.",
                          "thousand",
                          "million",
                          "billion",
                          "trillion"))
                  .distinct()
                  .sorted(Comparator.comparingInt(String::length).reversed())
                  .map(Pattern::quote)
                  .collect(Collectors.joining("|"))
              + ")(?![\\p{L}\\p{N}])");

  private WrittenUnits() {}

  /** The units of {@code text} in order; their texts joined by single spaces are the text. */
  public static List<String> of(String text) {
    String stripped = text.strip();
    if (stripped.isEmpty()) {
      return List.of();
    }
    String[] tokens = SPACES.split(stripped);
    List<String> units = new ArrayList<>(tokens.length);
    for (int i = 0; i < tokens.length; i++) {
      if (i + 1 < tokens.length
          && endsWithDigit(tokens[i])
          && UNIT_AFTER_NUMBER.matcher(tokens[i + 1]).find()) {
        units.add(tokens[i] + " " + tokens[i + 1]);
        i++;
      } else {
        units.add(tokens[i]);
      }
    }
    return units;
  }

  private static boolean endsWithDigit(String token) {
    return Character.isDigit(token.charAt(token.length() - 1));
  }
}
