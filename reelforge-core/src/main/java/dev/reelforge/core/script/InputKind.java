package dev.reelforge.core.script;

/** What a script is written from. */
public enum InputKind {
  /** A few words naming a topic: there is nothing to extract, so a template script is written. */
  IDEA,
  /** A paragraph of the user's own text. */
  PARAGRAPH,
  /** The extracted text of a web article (ingest fetches and cleans the page). */
  ARTICLE,
  /** A script the user wrote, one beat per line: validated and split, never rewritten. */
  MANUAL
}
