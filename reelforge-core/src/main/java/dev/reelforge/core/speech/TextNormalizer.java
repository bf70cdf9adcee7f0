package dev.reelforge.core.speech;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites written English into what a narrator says, before any speech engine sees it: emoji and
 * pictographs dropped, links read as their site ("example dot com"), common abbreviations expanded,
 * currency, percentages, ordinals, years and numbers spelled out. Engines differ in how they read
 * "4.5%" or "Dr."; normalising first makes every engine, and the captions made from its word
 * timings, agree.
 *
 * <p>The text is spoken {@linkplain WrittenUnits unit by unit}: the normalised text is the units'
 * spoken forms joined, so which spoken words stand for which written ones is known exactly, and
 * captions can show what the author wrote ({@link WrittenWords}).
 */
public final class TextNormalizer {

  private static final Pattern URL =
      Pattern.compile(
          "\\b(?:https?://)?(?:www\\.)?([a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.[a-z]{2,})(?:/[^\\s]*)?",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern EMAIL =
      Pattern.compile("\\b([\\w.+-]+)@([a-z0-9-]+(?:\\.[a-z0-9-]+)+)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern CURRENCY =
      Pattern.compile("([$€£])(\\d[\\d,]*)(?:\\.(\\d{1,2}))?\\b");
  private static final Pattern PERCENT = Pattern.compile("(\\d[\\d,]*(?:\\.\\d+)?)\\s?%");
  private static final Pattern ORDINAL =
      Pattern.compile("\\b(\\d+)(st|nd|rd|th)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern YEAR = Pattern.compile("\\b(1[1-9]\\d\\d|20\\d\\d)\\b(?![.,]\\d)");
  private static final Pattern DECIMAL = Pattern.compile("\\b(\\d[\\d,]*)\\.(\\d+)\\b");
  private static final Pattern INTEGER = Pattern.compile("\\b\\d{1,3}(?:,\\d{3})+\\b|\\b\\d+\\b");

  /** A time of day on the 24- or 12-hour clock: "20:17", "9:05". */
  private static final Pattern TIME = Pattern.compile("\\b([01]?\\d|2[0-3]):([0-5]\\d)\\b");

  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern SPACE_BEFORE_PUNCTUATION = Pattern.compile("\\s+([.,!?;:])");

  /** Written with a full stop; expanded wherever they stand alone. */
  private static final Map<String, String> ABBREVIATIONS = new LinkedHashMap<>();

  /** Units; expanded only after a number ("4 km"), never inside words. */
  private static final Map<String, String> UNITS = new LinkedHashMap<>();

  /** Both of the above as patterns, abbreviations first; compiled once, used for every unit. */
  private static final Map<Pattern, String> REPLACEMENTS = new LinkedHashMap<>();

  static {
    ABBREVIATIONS.put("e.g.", "for example");
    ABBREVIATIONS.put("i.e.", "that is");
    ABBREVIATIONS.put("etc.", "et cetera");
    ABBREVIATIONS.put("vs.", "versus");
    ABBREVIATIONS.put("approx.", "approximately");
    ABBREVIATIONS.put("Dr.", "Doctor");
    ABBREVIATIONS.put("Mr.", "Mister");
    ABBREVIATIONS.put("Mrs.", "Missus");
    ABBREVIATIONS.put("Ms.", "Miz");
    ABBREVIATIONS.put("Prof.", "Professor");
    UNITS.put("km/h", "kilometres per hour");
    UNITS.put("km", "kilometres");
    UNITS.put("cm", "centimetres");
    UNITS.put("mm", "millimetres");
    UNITS.put("kg", "kilograms");
    UNITS.put("mph", "miles per hour");
    UNITS.put("°C", "degrees Celsius");
    UNITS.put("°F", "degrees Fahrenheit");
    UNITS.put("°", "degrees");
    UNITS.put("KB", "kilobytes");
    UNITS.put("kB", "kilobytes");
    UNITS.put("MB", "megabytes");
    UNITS.put("GB", "gigabytes");
    UNITS.put("TB", "terabytes");
    UNITS.put("ms", "milliseconds");
    // A month cut short before its day: "Dec. 14" is read "December fourteen", not "Dec".
    for (String month :
        List.of(
            "January",
            "February",
            "March",
            "April",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December")) {
      ABBREVIATIONS.put(month.substring(0, 3) + ".", month);
    }
    ABBREVIATIONS.put("Sept.", "September");
    ABBREVIATIONS.forEach(
        (written, spoken) ->
            REPLACEMENTS.put(
                Pattern.compile("(?<![\\w.])" + Pattern.quote(written)),
                Matcher.quoteReplacement(spoken)));
    UNITS.forEach(
        (written, spoken) ->
            REPLACEMENTS.put(
                Pattern.compile("(?<=\\d)\\s?" + Pattern.quote(written) + "(?![\\p{L}\\p{N}])"),
                Matcher.quoteReplacement(" " + spoken)));
  }

  private TextNormalizer() {}

  /**
   * The language-neutral part of {@link #normalize}: emoji and pictographs dropped, links removed
   * (how to read them depends on the language), spaces collapsed. For engines that read numbers and
   * abbreviations in a voice's own language.
   */
  public static String clean(String text) {
    return joined(WrittenUnits.of(text).stream().map(TextNormalizer::cleanUnit).toList());
  }

  /** The text as a narrator reads it: the spoken forms of its written units, joined. */
  public static String normalize(String text) {
    return joined(WrittenUnits.of(text).stream().map(TextNormalizer::speak).toList());
  }

  /** The unit symbols spelled out after a number ("cm"), which stay with it as one written unit. */
  static List<String> unitSymbols() {
    return List.copyOf(UNITS.keySet());
  }

  /** What {@link #clean} makes of one written unit. */
  static String cleanUnit(String unit) {
    return collapse(replace(stripPictographs(unit), URL, m -> ""));
  }

  /** What a narrator says for one written unit (see {@link WrittenUnits}); may be empty. */
  static String speak(String unit) {
    String out = stripPictographs(unit);
    out = replace(out, EMAIL, m -> m.group(1).replace(".", " dot ") + " at " + site(m.group(2)));
    out = replace(out, URL, m -> site(m.group(1)));
    for (Map.Entry<Pattern, String> e : REPLACEMENTS.entrySet()) {
      out = e.getKey().matcher(out).replaceAll(e.getValue());
    }
    out = replace(out, TIME, TextNormalizer::time);
    out = replace(out, CURRENCY, TextNormalizer::currency);
    out = replace(out, PERCENT, m -> number(m.group(1)) + " percent");
    out = replace(out, ORDINAL, m -> NumberWords.ordinal(Long.parseLong(m.group(1))));
    out = replace(out, YEAR, m -> NumberWords.year(Integer.parseInt(m.group(1))));
    out = replace(out, DECIMAL, m -> number(m.group(1) + "." + m.group(2)));
    out = replace(out, INTEGER, m -> number(m.group()));
    out =
        out.replace("&", " and ")
            .replace("+", " plus ")
            .replace("@", " at ")
            .replace("#", " number ");
    return collapse(out);
  }

  private static String collapse(String text) {
    return SPACES.matcher(text).replaceAll(" ").strip();
  }

  /** Spoken units joined; a mark left standing alone ("word ,") goes back onto its word. */
  private static String joined(List<String> spokenUnits) {
    String out = String.join(" ", spokenUnits.stream().filter(unit -> !unit.isEmpty()).toList());
    return SPACE_BEFORE_PUNCTUATION.matcher(out).replaceAll("$1").strip();
  }

  private static String site(String host) {
    return host.toLowerCase(java.util.Locale.ROOT).replace(".", " dot ");
  }

  /** "20:17" → "twenty seventeen", "9:05" → "nine oh five", "14:00" → "fourteen hundred". */
  private static String time(Matcher m) {
    String hour = NumberWords.cardinal(Integer.parseInt(m.group(1)));
    int minutes = Integer.parseInt(m.group(2));
    if (minutes == 0) {
      return hour + (Integer.parseInt(m.group(1)) > 12 ? " hundred" : " o'clock");
    }
    return hour + (minutes < 10 ? " oh " : " ") + NumberWords.cardinal(minutes);
  }

  private static String currency(Matcher m) {
    String unit =
        switch (m.group(1)) {
          case "$" -> "dollar";
          case "€" -> "euro";
          default -> "pound";
        };
    long whole = Long.parseLong(m.group(2).replace(",", ""));
    String words = NumberWords.cardinal(whole) + " " + unit + (whole == 1 ? "" : "s");
    if (m.group(3) != null) {
      int cents = Integer.parseInt(m.group(3).length() == 1 ? m.group(3) + "0" : m.group(3));
      if (cents > 0) {
        words += " " + NumberWords.cardinal(cents) + (m.group(1).equals("£") ? " pence" : " cents");
      }
    }
    return words;
  }

  private static String number(String digits) {
    String plain = digits.replace(",", "");
    int point = plain.indexOf('.');
    if (plain.length() > 15) {
      return String.join(" ", plain.split(""));
    }
    if (point < 0) {
      return NumberWords.cardinal(Long.parseLong(plain));
    }
    StringBuilder out =
        new StringBuilder(NumberWords.cardinal(Long.parseLong(plain.substring(0, point))))
            .append(" point");
    for (char c : plain.substring(point + 1).toCharArray()) {
      out.append(' ').append(NumberWords.cardinal(c - '0'));
    }
    return out.toString();
  }

  /**
   * Drops emoji, pictographs, their modifiers and joiners. The degree sign is a symbol too, but it
   * is read ("20 °C").
   */
  static String stripPictographs(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .filter(
            cp ->
                !(Character.getType(cp) == Character.OTHER_SYMBOL && cp != '°'
                    || Character.getType(cp) == Character.SURROGATE
                    || cp == 0x200D
                    || (cp >= 0xFE00 && cp <= 0xFE0F)
                    || (cp >= 0x1F3FB && cp <= 0x1F3FF)))
        .forEach(out::appendCodePoint);
    return out.toString();
  }

  private static String replace(
      String text, Pattern pattern, java.util.function.Function<Matcher, String> how) {
    Matcher m = pattern.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(how.apply(m)));
    }
    m.appendTail(out);
    return out.toString();
  }
}
