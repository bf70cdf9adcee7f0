package dev.reelforge.core.ingest;

/** What a text handed to the script writer is written in, as {@link TextIngest} recognised it. */
public enum TextFormat {
  /** Paragraphs of plain text, perhaps with a title line and dashed lists. */
  PLAIN,
  /** Markdown: headings, lists, emphasis, links, tables, code. */
  MARKDOWN,
  /** An HTML fragment copied from a page. */
  HTML
}
