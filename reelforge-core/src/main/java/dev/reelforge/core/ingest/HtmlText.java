package dev.reelforge.core.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTML fragment read for its words with a small tokenizer (core takes no HTML library): block
 * elements end a paragraph, list items and headings become blocks of their own, entities are
 * decoded, tags dropped. Left out and counted: {@code pre} (a code block), {@code table}, {@code
 * img} and {@code figure} (an image). Left out silently, as not part of the text: scripts, styles,
 * comments, forms, navigation, hidden elements and boxes whose class names an ad, a byline or a
 * share bar. Inline {@code code} keeps its words when it has any ({@link
 * ProseAssembly#inlineCode}).
 */
final class HtmlText {

  private static final Pattern TOKEN =
      Pattern.compile(
          "<!--.*?-->|<!\\[CDATA\\[.*?]]>|<!(?:[^>]*)>|<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>",
          Pattern.DOTALL);

  private static final Set<String> SILENT =
      Set.of(
          "script",
          "style",
          "noscript",
          "template",
          "svg",
          "head",
          "iframe",
          "form",
          "nav",
          "button",
          "select",
          "textarea",
          "object",
          "canvas",
          "audio",
          "video",
          "math");

  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "section",
          "article",
          "main",
          "header",
          "footer",
          "aside",
          "blockquote",
          "ul",
          "ol",
          "dl",
          "dt",
          "dd",
          "address",
          "figcaption",
          "hr",
          "tr",
          "td",
          "th",
          "body",
          "html",
          "center",
          "details",
          "summary");

  private static final Set<String> VOID =
      Set.of(
          "br", "img", "hr", "meta", "link", "input", "source", "wbr", "area", "base", "col",
          "embed", "param", "track");

  private static final Pattern NOISE_CLASS =
      Pattern.compile(
          "(?i)\\b(?:class|id)\\s*=\\s*[\"'][^\"']*\\b(?:ad|ads|advert|advertisement|byline"
              + "|share|social|promo|newsletter-signup|related|cookie)\\b[^\"']*[\"']");

  private static final Pattern HIDDEN =
      Pattern.compile(
          "(?i)(?:aria-hidden\\s*=\\s*[\"']?true|(?:^|\\s)hidden(?=\\s|=|/|$)"
              + "|style\\s*=\\s*[\"'][^\"']*display\\s*:\\s*none)");

  private final LeftOut leftOut = new LeftOut();
  private final List<Block> blocks = new ArrayList<>();
  private StringBuilder current = new StringBuilder();
  private Block.Kind currentKind = Block.Kind.PARAGRAPH;

  /** The element being skipped and how deep inside it we are; null when none. */
  private String skipping;

  private int skipDepth;
  private Skip skipKind;
  private int skippedRows;
  private boolean rowCounted;
  private int itemDepth;
  private StringBuilder skippedText;
  private boolean skippedImage;
  private StringBuilder code;

  private enum Skip {
    SILENT,
    CODE_BLOCK,
    TABLE,
    FIGURE
  }

  static Prose read(String html) {
    HtmlText text = new HtmlText();
    text.parse(html);
    return ProseAssembly.assemble(text.blocks, TextFormat.HTML, text.leftOut);
  }

  private void parse(String html) {
    Matcher m = TOKEN.matcher(html);
    int at = 0;
    while (m.find()) {
      text(html.substring(at, m.start()));
      if (m.group(2) != null) {
        tag(m.group(1).equals("/"), m.group(2).toLowerCase(Locale.ROOT), m.group(3));
      }
      at = m.end();
    }
    text(html.substring(at));
    close();
  }

  private void text(String raw) {
    if (raw.isEmpty()) {
      return;
    }
    if (skipping != null) {
      if (skippedText != null) {
        skippedText.append(raw);
      }
      return;
    }
    String decoded = Entities.decode(raw);
    (code != null ? code : current).append(decoded);
  }

  private void tag(boolean closing, String name, String attributes) {
    if (skipping != null) {
      skipped(closing, name);
      return;
    }
    if (!closing && !VOID.contains(name) && skipOpens(name, attributes)) {
      return;
    }
    switch (name) {
      case "br" -> current.append(' ');
      case "img" -> leftOut.image();
      case "code", "kbd", "samp", "tt" -> inlineCode(closing);
      case "li" -> {
        itemDepth = Math.max(0, itemDepth + (closing ? -1 : 1));
        block(closing, Block.Kind.ITEM);
      }
      case "h1", "h2", "h3", "h4", "h5", "h6" -> block(closing, Block.Kind.HEADING);
      default -> {
        if (BLOCKS.contains(name)) {
          block(closing, Block.Kind.PARAGRAPH);
        }
      }
    }
  }

  /** Starts skipping an element that is not prose; answers whether it did. */
  private boolean skipOpens(String name, String attributes) {
    Skip kind;
    if (SILENT.contains(name)
        || NOISE_CLASS.matcher(attributes).find()
        || HIDDEN.matcher(attributes).find()) {
      kind = Skip.SILENT;
    } else if (name.equals("pre")) {
      kind = Skip.CODE_BLOCK;
    } else if (name.equals("table")) {
      kind = Skip.TABLE;
    } else if (name.equals("figure") || name.equals("picture")) {
      kind = Skip.FIGURE;
    } else {
      return false;
    }
    close();
    skipping = name;
    skipDepth = 1;
    skipKind = kind;
    skippedRows = 0;
    skippedImage = false;
    skippedText = kind == Skip.CODE_BLOCK ? new StringBuilder() : null;
    return true;
  }

  private void skipped(boolean closing, String name) {
    if (!closing && name.equals("tr")) {
      rowCounted = false;
    }
    if (!closing && name.equals("td") && !rowCounted) {
      // Rows of data: a header row of th cells is not counted.
      skippedRows++;
      rowCounted = true;
    }
    if (!closing && (name.equals("img") || name.equals("svg") || name.equals("video"))) {
      skippedImage = true;
    }
    if (!name.equals(skipping) || VOID.contains(name)) {
      return;
    }
    skipDepth += closing ? -1 : 1;
    if (skipDepth > 0) {
      return;
    }
    switch (skipKind) {
      case CODE_BLOCK -> {
        leftOut.codeBlock(codeLines(skippedText.toString()));
        ProseAssembly.dropIntroduction(blocks);
      }
      case TABLE -> {
        leftOut.table(skippedRows);
        ProseAssembly.dropIntroduction(blocks);
      }
      case FIGURE -> {
        if (skippedImage) {
          leftOut.image();
        }
      }
      case SILENT -> {}
    }
    skipping = null;
    skippedText = null;
  }

  private static int codeLines(String code) {
    String decoded = Entities.decode(code).strip();
    return decoded.isEmpty() ? 0 : (int) decoded.lines().count();
  }

  private void inlineCode(boolean closing) {
    if (!closing) {
      code = new StringBuilder();
      return;
    }
    if (code != null) {
      current.append(ProseAssembly.inlineCode(code.toString()));
      code = null;
    }
  }

  private void block(boolean closing, Block.Kind kind) {
    close();
    Block.Kind next = closing ? Block.Kind.PARAGRAPH : kind;
    // A paragraph inside a list item is still that item: it ends with a full stop like one.
    currentKind = next == Block.Kind.PARAGRAPH && itemDepth > 0 ? Block.Kind.ITEM : next;
  }

  private void close() {
    if (code != null) {
      current.append(ProseAssembly.inlineCode(code.toString()));
      code = null;
    }
    if (!current.toString().isBlank()) {
      blocks.add(new Block(currentKind, current.toString()));
    }
    current = new StringBuilder();
  }
}
