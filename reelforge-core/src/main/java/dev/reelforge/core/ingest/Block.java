package dev.reelforge.core.ingest;

/**
 * One block of a parsed text, its inline markup already resolved.
 *
 * @param kind what it was in the source
 * @param text its words, white space not yet collapsed
 */
record Block(Kind kind, String text) {

  enum Kind {
    PARAGRAPH,
    /** A list item: a sentence of its own. */
    ITEM,
    /** A heading: kept as a sentence when it titles the text, else left out as a label. */
    HEADING
  }
}
