package dev.reelforge.media.captions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a title may be broken into lines or cut short, judged from its words alone (no parser): a
 * break after a sentence or a clause reads best, then one before a preposition or conjunction (a
 * new phrase starts there); a break after a function word leaves it dangling ("… BY / ABOUT"); a
 * break between a number and its unit ("3.8 / CM") is never made. "Of" starts no phrase of its own:
 * it binds to the noun before it ("part / of the ocean" splits one). The word lists are English; in
 * other languages every break between words costs the same and balance decides.
 */
public final class Phrasing {

  /** A break after a sentence's end: the best place. */
  static final double AFTER_SENTENCE = 0;

  /** After a comma, colon, semicolon or dash: a clause ends. */
  static final double AFTER_CLAUSE = 0.5;

  /** Before a preposition, conjunction or relative word: a new phrase starts. */
  static final double BEFORE_PHRASE = 1;

  /** Between two content words, where nothing marks a phrase. */
  static final double BETWEEN_WORDS = 3;

  /** Between a number and the word after it when that word is not a known unit. */
  static final double AFTER_NUMBER = 5;

  /** After an article, preposition, conjunction or auxiliary: it would dangle at a line's end. */
  static final double AFTER_FUNCTION_WORD = 8;

  /** A break that must not be made. */
  static final double NEVER = Double.POSITIVE_INFINITY;

  private static final Set<String> PREPOSITIONS =
      Set.of(
          "about",
          "above",
          "across",
          "after",
          "against",
          "along",
          "among",
          "around",
          "as",
          "at",
          "before",
          "behind",
          "below",
          "beneath",
          "beside",
          "between",
          "beyond",
          "by",
          "despite",
          "during",
          "except",
          "for",
          "from",
          "in",
          "inside",
          "into",
          "like",
          "near",
          "off",
          "on",
          "onto",
          "outside",
          "over",
          "past",
          "per",
          "since",
          "through",
          "throughout",
          "toward",
          "towards",
          "to",
          "under",
          "until",
          "upon",
          "via",
          "with",
          "within",
          "without");

  private static final Set<String> CONJUNCTIONS =
      Set.of(
          "and",
          "but",
          "or",
          "nor",
          "so",
          "yet",
          "because",
          "although",
          "though",
          "while",
          "whereas",
          "if",
          "unless",
          "when",
          "whenever",
          "where",
          "wherever",
          "whether",
          "than",
          "that",
          "which",
          "who",
          "whom",
          "whose",
          "what",
          "why",
          "how",
          "once",
          "till");

  /** Words that lean on the next one: breaking after them leaves them hanging. */
  private static final Set<String> LEANING =
      Set.of(
          "a", "an", "the", "this", "these", "those", "my", "your", "his", "her", "its", "our",
          "their", "every", "each", "some", "any", "no", "is", "are", "was", "were", "be", "been",
          "am", "has", "have", "had", "do", "does", "did", "will", "would", "can", "could",
          "should", "may", "might", "must", "not", "very", "more", "most", "less", "only", "just",
          "than", "to", "of");

  private static final Pattern NUMBER = Pattern.compile("[-+−±~≈$€£¥]?\\d[\\d.,:/]*[%°]?");

  private static final Pattern UNIT =
      Pattern.compile(
          "(?iu)(%|°[cf]?|[kcmµnμ]?m[²³23]?|[kmµ]?g|mg|[km]?w|kwh|mph|km/h|m/s|[kmgt]b|hz|khz|mhz"
              + "|ghz|ft|lb|lbs|oz|mi|yd|s|ms|min|h|hrs?|x|×|°|"
              + "(centi|milli|kilo|micro|nano)?(met(re|er)|gram|second|lit(re|er)|watt)s?|"
              + "percent|per|degrees?|miles?|feet|foot|inch(es)?|pounds?|ounces?|tons?|tonnes?|"
              + "hours?|minutes?|days?|weeks?|months?|years?|decades?|centuries|century|times|"
              + "hundred|thousand|million|billion|trillion|dozen|dollars?|euros?|kph|bpm|fps)"
              + "[.,;:!?]*");

  /** Numbers written as words, which keep their unit as a figure does ("two milliseconds"). */
  private static final Pattern NUMBER_WORD =
      Pattern.compile(
          "(?iu)(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
              + "fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
              + "sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen|"
              + "(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-"
              + "(one|two|three|four|five|six|seven|eight|nine))");

  private static final Pattern SENTENCE_END = Pattern.compile(".*[.!?…][\"'”’)\\]]*");
  private static final Pattern CLAUSE_END = Pattern.compile(".*[,;:—–][\"'”’)\\]]*");

  private Phrasing() {}

  /**
   * The words of {@code text} as units a line may break between: split at spaces, with a lone mark
   * ("—", "&") kept with the word before it, and Chinese or Japanese characters one by one.
   */
  public static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    for (String token : text.strip().split("\\s+")) {
      if (token.isEmpty()) {
        continue;
      }
      if (!words.isEmpty() && token.codePoints().noneMatch(Character::isLetterOrDigit)) {
        words.set(words.size() - 1, words.getLast() + " " + token);
      } else if (token.codePoints().allMatch(Phrasing::unspaced)) {
        token.codePoints().mapToObj(Character::toString).forEach(words::add);
      } else {
        words.add(token);
      }
    }
    return words;
  }

  /** What breaking a line between {@code before} and {@code after} costs (lower reads better). */
  public static double breakCost(String before, String after) {
    String last = bare(lastWordOf(before));
    String next = bare(after);
    boolean number = isNumber(lastWordOf(before));
    if (number && UNIT.matcher(after).matches() || inDate(lastWordOf(before), after)) {
      return NEVER;
    }
    if (SENTENCE_END.matcher(before).matches()) {
      return AFTER_SENTENCE;
    }
    if (CLAUSE_END.matcher(before).matches()) {
      return AFTER_CLAUSE;
    }
    if (LEANING.contains(last) || PREPOSITIONS.contains(last) || CONJUNCTIONS.contains(last)) {
      return AFTER_FUNCTION_WORD;
    }
    if (number) {
      return AFTER_NUMBER;
    }
    if (PREPOSITIONS.contains(next) || CONJUNCTIONS.contains(next)) {
      return BEFORE_PHRASE;
    }
    return BETWEEN_WORDS;
  }

  /**
   * Whether a title may end after {@code before} when {@code after} followed it: at the end of a
   * sentence or clause, or before a new phrase, and never on a word that needs the next one.
   */
  public static boolean phraseEnds(String before, String after) {
    return breakCost(before, after) <= BEFORE_PHRASE;
  }

  /** {@code text} without the clause marks a cut would leave hanging at its end. */
  public static String withoutTrailingMarks(String text) {
    String stripped = text.strip().replaceAll("[\\s,;:—–-]+$", "");
    // A full stop ends a sentence, which a title is not; an abbreviation's ("U.S.") stays.
    boolean abbreviation = stripped.matches(".*\\p{L}\\.\\p{L}{1,3}\\.");
    return stripped.endsWith(".") && !stripped.endsWith("..") && !abbreviation
        ? stripped.substring(0, stripped.length() - 1)
        : stripped;
  }

  /** Inside a date: "July / 20", "20, / 1969" (a date reads as one phrase). */
  private static boolean inDate(String last, String next) {
    return MONTHS.contains(bare(last)) && DAY.matcher(next).matches()
        || DAY_WITH_COMMA.matcher(last).matches() && YEAR.matcher(next).matches();
  }

  private static final Set<String> MONTHS =
      Set.of(
          "january",
          "february",
          "march",
          "april",
          "may",
          "june",
          "july",
          "august",
          "september",
          "october",
          "november",
          "december",
          "jan",
          "feb",
          "mar",
          "apr",
          "jun",
          "jul",
          "aug",
          "sep",
          "sept",
          "oct",
          "nov",
          "dec");

  private static final Pattern DAY = Pattern.compile("\\d{1,2}(?:st|nd|rd|th)?[,.]?");
  private static final Pattern DAY_WITH_COMMA = Pattern.compile("\\d{1,2}(?:st|nd|rd|th)?,");
  private static final Pattern YEAR = Pattern.compile("\\d{4}\\p{P}*");

  private static boolean isNumber(String word) {
    return NUMBER.matcher(word).matches() || NUMBER_WORD.matcher(word).matches();
  }

  private static String lastWordOf(String unit) {
    String stripped = unit.strip();
    int space = stripped.lastIndexOf(' ');
    return space < 0 ? stripped : stripped.substring(space + 1);
  }

  private static String bare(String word) {
    return word.replaceAll("[^\\p{L}\\p{N}']", "").toLowerCase(Locale.ROOT);
  }

  static boolean unspaced(int codePoint) {
    Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
    return script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA;
  }
}
