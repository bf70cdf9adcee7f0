package dev.reelforge.core.ingest;

import dev.reelforge.core.error.ReelForgeException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text as a user hands it over — plain paragraphs, a Markdown note, an HTML fragment — turned into
 * {@link Prose} a script writer can narrate: headings that title the text become sentences and
 * those that only label a section are dropped, list items become sentences, emphasis markers go,
 * links keep their text, tables, code blocks and images are left out and named, HTML tags go and
 * entities are decoded. Code is never read out character by character: inline code is kept as a
 * word when it is one ("json.loads", "git reflog") and its sentence is left out when it is not.
 *
 * <p>Every script writer gets this prose (the extractive one and language models alike); a manual
 * script is never passed through it, since it is never rewritten.
 */
public final class TextIngest {

  private static final Pattern HTML_TAG =
      Pattern.compile(
          "(?i)<(?:p|div|h[1-6]|article|section|ul|ol|li|table|tr|td|blockquote|pre|figure|main"
              + "|header|footer|span|strong|em|b|i|a|code|img|br)(?:\\s[^>]*)?/?>");
  private static final Pattern HTML_CLOSE = Pattern.compile("(?i)</[a-z][a-z0-9]*>");

  private static final Pattern MD_HEADING = Pattern.compile("(?m)^ {0,3}#{1,6}\\s+\\S");
  private static final Pattern MD_FENCE = Pattern.compile("(?m)^ {0,3}(?:```|~~~)");
  private static final Pattern MD_LINK = Pattern.compile("!?\\[[^\\]\\n]+\\]\\([^)\\s]+\\)");
  private static final Pattern MD_TABLE = Pattern.compile("(?m)^\\s*\\|?\\s*:?-{2,}:?\\s*\\|");
  private static final Pattern MD_SETEXT = Pattern.compile("(?m)^\\S.*\\n {0,3}(?:=+|-+)\\s*$");
  private static final Pattern MD_STRONG = Pattern.compile("(\\*\\*|__)\\S[^\\n]*?\\S?\\1");
  private static final Pattern MD_CODE = Pattern.compile("`[^`\\n]+`");
  private static final Pattern MD_LIST = Pattern.compile("(?m)^\\s*(?:[-*+]|\\d{1,9}[.)])\\s+\\S");
  private static final Pattern MD_QUOTE = Pattern.compile("(?m)^ {0,3}>\\s?\\S");
  private static final Pattern MD_EMPHASIS =
      Pattern.compile("(?<![\\w*])\\*[^\\s*][^*\\n]*\\*(?![\\w*])");
  private static final Pattern MD_FRONT_MATTER =
      Pattern.compile("\\A---\\s*\\n(?:[\\w-]+\\s*:.*\\n)+");
  private static final Pattern MD_INDENTED_CODE = Pattern.compile("\\n\\s*\\n(?: {4}|\\t)\\S");

  private TextIngest() {}

  /** The speakable prose of {@code input}, and what was left out of it. */
  public static Prose read(String input) {
    return switch (detect(input)) {
      case HTML -> HtmlText.read(input);
      case MARKDOWN -> MarkdownText.read(input);
      case PLAIN -> PlainText.read(input);
    };
  }

  /**
   * The prose a script is written from.
   *
   * @throws ReelForgeException {@code INVALID_INPUT} on {@code field} when nothing speakable is
   *     left (a text of only code or tables), saying what was left out
   */
  public static Prose forScript(String input, String field) {
    Prose prose = read(input);
    if (prose.isEmpty()) {
      throw ReelForgeException.invalidField(
          field,
          "has nothing to narrate"
              + (prose.leftOut().isEmpty()
                  ? ""
                  : ": it holds only " + String.join(", ", prose.leftOut())));
    }
    return prose;
  }

  /**
   * What {@code input} is written in. HTML when it opens with a tag or holds several; Markdown when
   * it has a construct plain text does not (a heading, a fence, a link, a table, a setext
   * underline, strong emphasis, front matter) or two weaker signs (lists, quotes, inline code,
   * emphasis, indented code); otherwise plain.
   */
  public static TextFormat detect(String input) {
    String text = input.replace("\r\n", "\n");
    int tags = count(HTML_TAG.matcher(text));
    boolean closes = HTML_CLOSE.matcher(text).find();
    if (closes && (text.stripLeading().startsWith("<") && tags >= 1 || tags >= 3)) {
      return TextFormat.HTML;
    }
    if (MD_HEADING.matcher(text).find()
        || MD_FENCE.matcher(text).find()
        || MD_LINK.matcher(text).find()
        || MD_TABLE.matcher(text).find()
        || MD_SETEXT.matcher(text).find()
        || MD_STRONG.matcher(text).find()
        || MD_FRONT_MATTER.matcher(text).find()) {
      return TextFormat.MARKDOWN;
    }
    int weak = 0;
    for (Pattern sign : new Pattern[] {MD_LIST, MD_QUOTE, MD_CODE, MD_EMPHASIS, MD_INDENTED_CODE}) {
      weak += sign.matcher(text).find() ? 1 : 0;
    }
    return weak >= 2 ? TextFormat.MARKDOWN : TextFormat.PLAIN;
  }

  private static int count(Matcher m) {
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
