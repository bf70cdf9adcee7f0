package dev.reelforge.core.speech;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Cuts written text into the units a caption shows as one word: the text's whitespace-separated
 * tokens, except that a number and the unit after it ("3.8 cm", "10 %", "60 km/h", "6 hours", "5
 * million") form one unit, so that no caption line or cue separates them. Currency ("$5.99"), "#1",
 * years, ordinals, abbreviations ("e.g.") and links are single tokens already. {@link
 * TextNormalizer#normalize} speaks the text unit by unit, so every unit's spoken words are known
 * and the spoken words can be mapped back to the written ones ({@link WrittenWords}).
 */
public final class WrittenUnits {

  private static final Pattern SPACES = Pattern.compile("\\s+");

  /**
   * Unit symbols the engine reads as they are, and times of day (those the normaliser spells out,
   * "cm" or "GB", come from {@link TextNormalizer#unitSymbols}).
   */
  private static final List<String> SYMBOLS =
      List.of(
          "m", "g", "mg", "ml", "ft", "lb", "lbs", "oz", "mi", "Hz", "kHz", "MHz", "GHz", "kW",
          "am", "pm", "a.m.", "p.m.");

  /** Units written as words (with their plurals), and scale words: "6 hours", "5 million". */
  private static final List<String> WORDS =
      List.of(
          "second",
          "minute",
          "hour",
          "day",
          "week",
          "month",
          "year",
          "decade",
          "century",
          "metre",
          "meter",
          "kilometre",
          "kilometer",
          "centimetre",
          "centimeter",
          "millimetre",
          "millimeter",
          "mile",
          "foot",
          "feet",
          "inch",
          "gram",
          "kilogram",
          "pound",
          "ton",
          "tonne",
          "litre",
          "liter",
          "degree",
          "percent",
          "thousand",
          "million",
          "billion",
          "trillion");

  /**
   * Units that stay with the number before them: those the normaliser spells out, those the engine
   * reads itself, and units and scales written as words. Longest first, so "km/h" wins over "km".
   */
  private static final Pattern UNIT_AFTER_NUMBER =
      Pattern.compile(
          "^(?:%|"
              + Stream.of(
                      TextNormalizer.unitSymbols().stream(),
                      SYMBOLS.stream(),
                      WORDS.stream().flatMap(WrittenUnits::withPlural))
                  .flatMap(units -> units)
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

  private static Stream<String> withPlural(String word) {
    String plural =
        word.endsWith("ry")
            ? word.substring(0, word.length() - 1) + "ies"
            : word.endsWith("ch") ? word + "es" : word + "s";
    return Stream.of(word, plural);
  }

  private static boolean endsWithDigit(String token) {
    return Character.isDigit(token.charAt(token.length() - 1));
  }
}
