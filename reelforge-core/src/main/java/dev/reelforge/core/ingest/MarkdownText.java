package dev.reelforge.core.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown read for its words, line by line in the manner of CommonMark's block structure:
 * headings, paragraphs, list items (task boxes too), block quotes (their words kept), fenced and
 * indented code (left out, counted), tables (left out, counted), images on a line of their own
 * (left out, counted), front matter, link definitions, comments and rules (left out silently). Then
 * inline markup: emphasis markers go, links keep their text, an image inside a sentence keeps its
 * alt text, inline code keeps its words when it has any ({@link ProseAssembly#inlineCode}).
 */
final class MarkdownText {

  private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,}).*$");
  private static final Pattern ATX =
      Pattern.compile("^ {0,3}(#{1,6})(?:\\s+(.*?))?(?:\\s+#+)?\\s*$");
  private static final Pattern SETEXT = Pattern.compile("^ {0,3}(=+|-+)\\s*$");
  private static final Pattern RULE = Pattern.compile("^ {0,3}([-*_])(?:\\s*\\1){2,}\\s*$");
  private static final Pattern ITEM =
      Pattern.compile("^(\\s*)(?:[-*+•]|\\d{1,9}[.)])\\s+(?:\\[[ xX]\\]\\s+)?(.*)$");
  private static final Pattern QUOTE = Pattern.compile("^ {0,3}>\\s?(.*)$");
  private static final Pattern TABLE_SEPARATOR =
      Pattern.compile("^\\s*\\|?\\s*:?-{1,}:?\\s*(?:\\|\\s*:?-{1,}:?\\s*)+\\|?\\s*$");
  private static final Pattern LINK_DEFINITION =
      Pattern.compile("^ {0,3}\\[[^\\]]+\\]:\\s*\\S+.*$");
  private static final Pattern IMAGE_LINE =
      Pattern.compile("^\\s*(?:!\\[[^\\]]*\\](?:\\([^)]*\\)|\\[[^\\]]*\\])\\s*)+$");
  private static final Pattern STRONG_LABEL =
      Pattern.compile("^\\s*(\\*\\*|__)[^*_\\n]+\\1\\s*:?\\s*$");
  private static final Pattern INDENTED = Pattern.compile("^(?: {4}|\\t).*");

  /** Characters that Markdown gives a meaning to, protected while inline markup is resolved. */
  private static final String SPECIAL = "\\`*_{}[]()#+-.!|<>~";

  private static final char PROTECTED_BASE = '\uE000';

  private final String[] lines;
  private final LeftOut leftOut = new LeftOut();
  private final List<Block> blocks = new ArrayList<>();
  private StringBuilder current;
  private Block.Kind currentKind;
  private boolean previousBlank = true;

  private MarkdownText(String text) {
    this.lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
  }

  static Prose read(String text) {
    MarkdownText markdown = new MarkdownText(text);
    markdown.parse();
    return ProseAssembly.assemble(markdown.blocks, TextFormat.MARKDOWN, markdown.leftOut);
  }

  private void parse() {
    int i = skipFrontMatter();
    while (i < lines.length) {
      i = line(i);
    }
    close();
  }

  /** Handles the line at {@code i} (and the lines it owns); answers the next line to read. */
  private int line(int i) {
    String line = lines[i];
    if (line.isBlank()) {
      close();
      previousBlank = true;
      return i + 1;
    }
    Matcher fence = FENCE.matcher(line);
    if (fence.matches()) {
      return fencedCode(i, fence.group(1));
    }
    if (line.strip().startsWith("<!--")) {
      return comment(i);
    }
    if (INDENTED.matcher(line).matches() && startsIndentedCode(line)) {
      return indentedCode(i);
    }
    boolean wasBlank = previousBlank;
    previousBlank = false;
    Matcher setext = SETEXT.matcher(line);
    if (setext.matches() && current != null && currentKind == Block.Kind.PARAGRAPH) {
      currentKind = Block.Kind.HEADING;
      close();
      return i + 1;
    }
    if (RULE.matcher(line).matches()) {
      close();
      return i + 1;
    }
    Matcher atx = ATX.matcher(line);
    if (atx.matches()) {
      close();
      blocks.add(new Block(Block.Kind.HEADING, inline(atx.group(2) == null ? "" : atx.group(2))));
      return i + 1;
    }
    if (isTableStart(i)) {
      return table(i);
    }
    if (LINK_DEFINITION.matcher(line).matches()) {
      close();
      return i + 1;
    }
    if (IMAGE_LINE.matcher(line).matches()) {
      close();
      int count = countImages(line);
      for (int n = 0; n < count; n++) {
        leftOut.image();
      }
      return i + 1;
    }
    Matcher quote = QUOTE.matcher(line);
    String content = quote.matches() ? quote.group(1) : line;
    if (quote.matches() && content.isBlank()) {
      close();
      return i + 1;
    }
    Matcher item = ITEM.matcher(content);
    if (item.matches() && !RULE.matcher(content).matches()) {
      close();
      open(Block.Kind.ITEM);
      current.append(item.group(2));
      return i + 1;
    }
    if (current != null && (!wasBlank || currentKind == Block.Kind.ITEM && isIndented(line))) {
      current.append('\n').append(content.strip());
      return i + 1;
    }
    close();
    open(Block.Kind.PARAGRAPH);
    current.append(content.strip());
    return i + 1;
  }

  private int skipFrontMatter() {
    if (lines.length < 3 || !lines[0].strip().equals("---")) {
      return 0;
    }
    for (int i = 1; i < Math.min(lines.length, 60); i++) {
      String line = lines[i].strip();
      if (line.equals("---") || line.equals("...")) {
        return i + 1;
      }
      if (!line.isEmpty()
          && !line.matches("[\\w-]+\\s*:.*|-\\s.*|#.*")
          && !lines[i].startsWith(" ")) {
        return 0;
      }
    }
    return 0;
  }

  private int fencedCode(int i, String marker) {
    close();
    String closing = marker.substring(0, 1).repeat(marker.length());
    int lineCount = 0;
    int j = i + 1;
    while (j < lines.length && !lines[j].strip().startsWith(closing)) {
      lineCount++;
      j++;
    }
    leftOut.codeBlock(lineCount);
    ProseAssembly.dropIntroduction(blocks);
    previousBlank = true;
    return Math.min(j + 1, lines.length);
  }

  private int comment(int i) {
    int j = i;
    while (j < lines.length && !lines[j].contains("-->")) {
      j++;
    }
    String after = j < lines.length ? lines[j].substring(lines[j].indexOf("-->") + 3) : "";
    if (!after.isBlank()) {
      lines[j] = after;
      return j;
    }
    return Math.min(j + 1, lines.length);
  }

  /**
   * Indented code starts after a blank line, outside a list; an indented list item or a
   * continuation of one belongs to its list.
   */
  private boolean startsIndentedCode(String line) {
    if (!previousBlank && current != null) {
      return false;
    }
    boolean inList =
        !blocks.isEmpty() && blocks.getLast().kind() == Block.Kind.ITEM
            || currentKind == Block.Kind.ITEM;
    return !inList && !ITEM.matcher(line).matches();
  }

  private int indentedCode(int i) {
    close();
    List<String> code = new ArrayList<>();
    int j = i;
    while (j < lines.length && (INDENTED.matcher(lines[j]).matches() || lines[j].isBlank())) {
      code.add(lines[j]);
      j++;
    }
    while (!code.isEmpty() && code.getLast().isBlank()) {
      code.removeLast();
    }
    String joined = String.join(" ", code.stream().map(String::strip).toList()).strip();
    if (looksLikeProse(joined)) {
      // An indented paragraph of sentences is prose its writer indented, not code.
      open(Block.Kind.PARAGRAPH);
      current.append(joined);
      close();
    } else {
      leftOut.codeBlock((int) code.stream().filter(l -> !l.isBlank()).count());
      ProseAssembly.dropIntroduction(blocks);
    }
    previousBlank = true;
    return i + code.size();
  }

  private static boolean looksLikeProse(String text) {
    return text.matches("(?s).*[.!?\"”]$")
        && !text.matches("(?s).*[{}=<>$|\\\\;`~].*")
        && text.split("\\s+").length >= 6;
  }

  private boolean isTableStart(int i) {
    String line = lines[i];
    if (!line.contains("|")) {
      return false;
    }
    if (i + 1 < lines.length && TABLE_SEPARATOR.matcher(lines[i + 1]).matches()) {
      return true;
    }
    // A table without a separator: two or more lines fenced by pipes.
    return isPipeRow(line) && i + 1 < lines.length && isPipeRow(lines[i + 1]);
  }

  private static boolean isPipeRow(String line) {
    String stripped = line.strip();
    return stripped.length() > 1 && stripped.startsWith("|") && stripped.endsWith("|");
  }

  private int table(int i) {
    close();
    int j = i + 1;
    boolean separated = j < lines.length && TABLE_SEPARATOR.matcher(lines[j]).matches();
    if (separated) {
      j++;
    }
    int rows = separated ? 0 : 1;
    while (j < lines.length && !lines[j].isBlank() && lines[j].contains("|")) {
      rows++;
      j++;
    }
    leftOut.table(rows);
    ProseAssembly.dropIntroduction(blocks);
    previousBlank = true;
    return j;
  }

  private static int countImages(String line) {
    Matcher m = Pattern.compile("!\\[").matcher(line);
    int count = 0;
    while (m.find()) {
      count++;
    }
    return count;
  }

  private static boolean isIndented(String line) {
    return line.startsWith(" ") || line.startsWith("\t");
  }

  private void open(Block.Kind kind) {
    current = new StringBuilder();
    currentKind = kind;
  }

  private void close() {
    if (current != null) {
      String source = current.toString();
      // A line of only strong text ("**Ingredients**") labels what follows, as a heading does.
      Block.Kind kind =
          currentKind == Block.Kind.PARAGRAPH && STRONG_LABEL.matcher(source).matches()
              ? Block.Kind.HEADING
              : currentKind;
      blocks.add(new Block(kind, inline(source)));
    }
    current = null;
    currentKind = null;
  }

  /** Inline markup resolved to the words it shows. */
  static String inline(String text) {
    String s = protectEscapes(text);
    s = resolveCode(s);
    s = s.replaceAll("<!--.*?-->", "");
    // An image in a sentence keeps its alt text; its address is not prose.
    s = s.replaceAll("!\\[([^\\]]*)\\]\\((?:[^()]|\\([^)]*\\))*\\)", "$1");
    s = s.replaceAll("!\\[([^\\]]*)\\]\\[[^\\]]*\\]", "$1");
    s = s.replaceAll("\\[\\^[^\\]]+\\]", "");
    s = s.replaceAll("\\[([^\\]]+)\\]\\((?:[^()]|\\([^)]*\\))*\\)", "$1");
    s = s.replaceAll("\\[([^\\]]+)\\]\\[[^\\]]*\\]", "$1");
    s = s.replaceAll("<((?:https?|ftp)://[^>\\s]+)>", "$1");
    s = s.replaceAll("<([^@>\\s]+@[^>\\s]+)>", "$1");
    s = s.replaceAll("(?i)<br\\s*/?>", " ");
    s = s.replaceAll("</?[a-zA-Z][a-zA-Z0-9-]*(?:\\s[^>]*)?/?>", "");
    s = emphasis(s);
    s = Entities.decode(s);
    return restore(s);
  }

  private static String emphasis(String s) {
    String previous;
    do {
      previous = s;
      s = s.replaceAll("(?s)(?<![\\w*])\\*\\*(?=[^\\s*])(.+?)(?<=[^\\s*])\\*\\*(?![\\w*])", "$1");
      s = s.replaceAll("(?s)(?<![\\w_])__(?=[^\\s_])(.+?)(?<=[^\\s_])__(?![\\w_])", "$1");
      s = s.replaceAll("(?s)(?<![\\w*])\\*(?=[^\\s*])(.+?)(?<=[^\\s*])\\*(?![\\w*])", "$1");
      s = s.replaceAll("(?s)(?<![\\w_])_(?=[^\\s_])(.+?)(?<=[^\\s_])_(?![\\w_])", "$1");
      s = s.replaceAll("(?s)~~(?=\\S)(.+?)(?<=\\S)~~", "$1");
    } while (!s.equals(previous));
    return s;
  }

  private static String resolveCode(String s) {
    Matcher m = Pattern.compile("(`+)(.+?)\\1").matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(
          out, Matcher.quoteReplacement(protect(ProseAssembly.inlineCode(restore(m.group(2))))));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String protectEscapes(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length() && SPECIAL.indexOf(s.charAt(i + 1)) >= 0) {
        out.append((char) (PROTECTED_BASE + SPECIAL.indexOf(s.charAt(i + 1))));
        i++;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Markdown's special characters hidden from the inline rules, e.g. inside code. */
  private static String protect(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      int at = SPECIAL.indexOf(c);
      out.append(at >= 0 ? (char) (PROTECTED_BASE + at) : c);
    }
    return out.toString();
  }

  private static String restore(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      int at = c - PROTECTED_BASE;
      out.append(at >= 0 && at < SPECIAL.length() ? SPECIAL.charAt(at) : c);
    }
    return out.toString();
  }
}
