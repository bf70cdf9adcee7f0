package dev.reelforge.core.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits prose into sentences that are exactly the author's text: nothing is added, removed or
 * re-punctuated, only runs of white space become one space. Blank lines end a sentence (a paragraph
 * ends it); inside a paragraph a sentence ends at {@code . ! ? …} (with any closing quotes or
 * brackets) followed by a space and a capital letter, a digit or a currency sign.
 *
 * <p>The rules that keep a sentence whole: no break inside a number or an address ("3.8",
 * "example.org/x": no space follows the point), before a lower-case word ("tomatoes... and now",
 * "e.g. honey"), after a title or a Latin abbreviation ("Dr. Ballester", "e.g.", "et al. (2003)",
 * "vs."), after a month or "No." before a number ("Dec. 12", "No. 10"), after an initial ("J. K.
 * Rowling"), after a capitalised dotted acronym unless a usual sentence opener follows ("the U.S.
 * Federal Reserve" stays whole; "in the U.S. The" breaks; "7 a.m. Dr." breaks), and inside a
 * quotation that closes in the same paragraph ("said: "The figures are a wake-up call. We are not
 * adapting fast enough."" is one sentence).
 */
public final class Sentences {

  /** Abbreviations after which a sentence practically never ends, whatever follows. */
  private static final Set<String> NEVER_FINAL =
      Set.of(
          "dr", "mr", "mrs", "ms", "prof", "st", "mt", "gen", "sen", "rep", "gov", "lt", "col",
          "capt", "sgt", "rev", "fr", "hon", "e.g", "i.e", "eg", "ie", "cf", "vs", "approx", "ca",
          "al", "fig", "figs", "vol", "pp", "ed", "eds", "dept", "est");

  /** Abbreviations that end a sentence only when what follows is not a number. */
  private static final Set<String> BEFORE_NUMBERS =
      Set.of(
          "no", "nos", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
          "dec", "p", "art", "sec", "ch", "op");

  /** Words that usually open a sentence, telling "in the U.S. The" from "the U.S. Navy". */
  private static final Set<String> OPENERS =
      Set.of(
          "the",
          "a",
          "an",
          "it",
          "its",
          "in",
          "on",
          "at",
          "this",
          "that",
          "these",
          "those",
          "they",
          "there",
          "their",
          "he",
          "she",
          "his",
          "her",
          "we",
          "our",
          "i",
          "you",
          "your",
          "but",
          "and",
          "so",
          "yet",
          "however",
          "if",
          "when",
          "as",
          "after",
          "before",
          "since",
          "for",
          "then",
          "what",
          "why",
          "how",
          "who",
          "now",
          "still",
          "most",
          "many",
          "some",
          "one",
          "two",
          "by",
          "to",
          "with",
          "from",
          "while",
          "although",
          "meanwhile",
          "today");

  private static final String TERMINALS = ".!?…";
  private static final String CLOSERS = "\"”’')]»";
  private static final String OPENERS_CHARS = "\"“‘'([«";

  private Sentences() {}

  /** The sentences of {@code prose} in order, each exactly as written (spaces collapsed). */
  public static List<String> split(String prose) {
    List<String> sentences = new ArrayList<>();
    for (String paragraph : prose.split("\\n\\s*\\n")) {
      String text = paragraph.replaceAll("\\s+", " ").strip();
      if (!text.isEmpty()) {
        splitParagraph(text, sentences);
      }
    }
    return sentences;
  }

  private static void splitParagraph(String text, List<String> into) {
    Quotes quotes = new Quotes(text);
    int start = 0;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (TERMINALS.indexOf(c) < 0) {
        i++;
        continue;
      }
      int end = i + 1;
      while (end < text.length() && TERMINALS.indexOf(text.charAt(end)) >= 0) {
        end++;
      }
      boolean closedQuote = false;
      while (end < text.length() && CLOSERS.indexOf(text.charAt(end)) >= 0) {
        closedQuote |= text.charAt(end) != ')' && text.charAt(end) != ']';
        end++;
      }
      if (end < text.length()
          && text.charAt(end) == ' '
          && (closedQuote || !quotes.inside(i))
          && endsSentence(text, start, i, end, end + 1)) {
        into.add(text.substring(start, end));
        start = end + 1;
      }
      i = end;
    }
    if (start < text.length()) {
      into.add(text.substring(start));
    }
  }

  /**
   * Whether the terminal run {@code text[at, end)} closes a sentence, given the next word starts at
   * {@code next}.
   */
  private static boolean endsSentence(String text, int start, int at, int end, int next) {
    int first = next;
    while (first < text.length() && OPENERS_CHARS.indexOf(text.charAt(first)) >= 0) {
      first++;
    }
    if (first >= text.length()) {
      return false;
    }
    char following = text.charAt(first);
    boolean number = Character.isDigit(following);
    boolean startsSentence =
        Character.isUpperCase(following) || number || "$£€¥#".indexOf(following) >= 0;
    if (!startsSentence) {
      return false;
    }
    if (text.charAt(at) != '.' || end - at > 1 && text.charAt(at + 1) == '.') {
      return true; // "!", "?", "…", "..." or a quotation's close
    }
    String word = wordBefore(text, start, at);
    String lower = word.toLowerCase(Locale.ROOT);
    if (NEVER_FINAL.contains(lower)) {
      return false;
    }
    if (BEFORE_NUMBERS.contains(lower) && number) {
      return false;
    }
    if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
      return false; // an initial: "J. K. Rowling"
    }
    if (word.matches("(?:\\p{Ll}\\.)+\\p{Ll}")) {
      return true; // "a.m", "p.m": a time ends the sentence when a capital follows
    }
    if (word.matches("(?:\\p{L}\\.)+\\p{L}")) {
      // "U.S", "E.U": part of a name ("the U.S. Federal Reserve") unless a usual opener follows.
      return OPENERS.contains(nextWord(text, first).toLowerCase(Locale.ROOT));
    }
    return true;
  }

  /** The word that ends at {@code dot}, e.g. {@code "U.S"} or {@code "Dr"}. */
  private static String wordBefore(String text, int start, int dot) {
    int from = dot;
    while (from > start && !Character.isWhitespace(text.charAt(from - 1))) {
      from--;
    }
    while (from < dot && OPENERS_CHARS.indexOf(text.charAt(from)) >= 0) {
      from++;
    }
    return text.substring(from, dot);
  }

  private static String nextWord(String text, int from) {
    int to = from;
    while (to < text.length() && Character.isLetter(text.charAt(to))) {
      to++;
    }
    return text.substring(from, to);
  }

  /**
   * Where double quotation marks are open. Used only when the paragraph's quotes balance: one stray
   * mark would otherwise glue the rest of the paragraph into one sentence.
   */
  private static final class Quotes {

    private final boolean[] open;
    private final boolean balanced;

    Quotes(String text) {
      open = new boolean[text.length()];
      int curly = 0;
      boolean straight = false;
      int straightCount = 0;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '“') {
          curly++;
        } else if (c == '”') {
          curly = Math.max(0, curly - 1);
        } else if (c == '"') {
          straight = !straight;
          straightCount++;
        }
        open[i] = curly > 0 || straight;
      }
      long opens = text.chars().filter(c -> c == '“').count();
      long closes = text.chars().filter(c -> c == '”').count();
      balanced = straightCount % 2 == 0 && opens == closes;
    }

    boolean inside(int at) {
      return balanced && open[at];
    }
  }
}
