package dev.reelforge.core.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns parsed blocks into {@link Prose}: the text's title heading becomes a sentence, later
 * headings (which only label a section) are left out, list items end with a full stop so that each
 * is a sentence, and a sentence holding code that cannot be said is left out whole rather than read
 * with a hole in it.
 */
final class ProseAssembly {

  /** Stands for a piece of inline code that cannot be read out, until its sentence is dropped. */
  static final char UNSPEAKABLE = '\uFFFC';

  /** Inline code that reads as words: an identifier or a short command ("json.loads", "du"). */
  private static final Pattern SPEAKABLE_CODE =
      Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_.-]*(?: [\\p{L}_][\\p{L}\\p{N}_.-]*){0,2}");

  /** A title reads as a sentence from this many words; shorter headings only label. */
  private static final int MIN_TITLE_WORDS = 4;

  /** A first line longer than this is a sentence that lost its full stop, not a title. */
  private static final int MAX_TITLE_WORDS = 15;

  private ProseAssembly() {}

  /** The words of a piece of inline code when they can be said, else {@link #UNSPEAKABLE}. */
  static String inlineCode(String code) {
    String trimmed = code.strip().replaceFirst("\\(\\)$", "");
    return trimmed.length() <= 40
            && SPEAKABLE_CODE.matcher(trimmed).matches()
            && !trimmed.endsWith(".")
        ? trimmed
        : String.valueOf(UNSPEAKABLE);
  }

  static Prose assemble(List<Block> blocks, TextFormat format, LeftOut leftOut) {
    List<Block> kept = blocks.stream().filter(b -> !collapse(b.text()).isEmpty()).toList();
    List<String> paragraphs = new ArrayList<>();
    for (int i = 0; i < kept.size(); i++) {
      Block block = kept.get(i);
      String text = collapse(block.text());
      Block.Kind kind =
          i == 0 && kept.size() > 1 && isTitleLine(block) ? Block.Kind.HEADING : block.kind();
      switch (kind) {
        case PARAGRAPH -> paragraphs.add(text);
        case ITEM -> paragraphs.add(asSentence(text));
        case HEADING -> {
          boolean titles = i == 0 && (kept.size() == 1 || words(text) >= MIN_TITLE_WORDS);
          if (titles && text.indexOf(UNSPEAKABLE) < 0) {
            paragraphs.add(asSentence(text));
          } else {
            leftOut.heading();
          }
        }
      }
    }
    List<String> speakable = new ArrayList<>();
    for (String paragraph : paragraphs) {
      String rest =
          paragraph.indexOf(UNSPEAKABLE) < 0 ? paragraph : withoutCode(paragraph, leftOut);
      if (!rest.isBlank()) {
        speakable.add(rest);
      }
    }
    return new Prose(String.join("\n\n", speakable), format, leftOut.describe());
  }

  /**
   * A first paragraph of one short line with no final mark is the text's title ("Git tips I wish I
   * had learned earlier"), read as a sentence like a title heading.
   */
  private static boolean isTitleLine(Block block) {
    String text = block.text().strip();
    return block.kind() == Block.Kind.PARAGRAPH
        && !text.contains("\n")
        && words(text) <= MAX_TITLE_WORDS
        && !text.matches(".*[.!?…:;,\"”’)]$");
  }

  /**
   * Drops the sentence that introduced something left out ("Find the commit with bisect:" before a
   * code block): without what it announces it would dangle.
   */
  static void dropIntroduction(List<Block> blocks) {
    if (blocks.isEmpty()) {
      return;
    }
    Block last = blocks.getLast();
    String text = collapse(last.text());
    if (last.kind() == Block.Kind.HEADING || !text.endsWith(":")) {
      return;
    }
    List<String> sentences = Sentences.split(text);
    blocks.removeLast();
    if (sentences.size() > 1) {
      blocks.add(
          new Block(last.kind(), String.join(" ", sentences.subList(0, sentences.size() - 1))));
    }
  }

  private static String withoutCode(String paragraph, LeftOut leftOut) {
    List<String> sentences = new ArrayList<>();
    for (String sentence : Sentences.split(paragraph)) {
      if (sentence.indexOf(UNSPEAKABLE) >= 0) {
        leftOut.sentenceWithCode();
      } else {
        sentences.add(sentence);
      }
    }
    return String.join(" ", sentences);
  }

  /** A heading or list item made a sentence: a full stop added when it has no final mark. */
  static String asSentence(String text) {
    String core = text.replaceAll("[\"”’')\\]»]+$", "");
    if (core.isEmpty() || ".!?…:;".indexOf(core.charAt(core.length() - 1)) >= 0) {
      return text;
    }
    return text + ".";
  }

  static String collapse(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }

  private static int words(String text) {
    return text.split(" ").length;
  }
}
