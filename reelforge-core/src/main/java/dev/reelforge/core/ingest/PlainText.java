package dev.reelforge.core.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain text read as paragraphs (lines wrapped inside a paragraph are joined), with each bulleted
 * or numbered line an item of its own. A first short line without a final mark is taken for the
 * title it is ("The Great Barrier Reef has bleached again") when the prose is assembled.
 */
final class PlainText {

  private static final Pattern BULLET = Pattern.compile("^\\s*(?:[-*•–]|\\d{1,3}[.)])\\s+(.*)$");

  private PlainText() {}

  static Prose read(String text) {
    List<Block> blocks = new ArrayList<>();
    String[] paragraphs = text.replace("\r\n", "\n").strip().split("\\n\\s*\\n");
    for (int p = 0; p < paragraphs.length; p++) {
      String paragraph = paragraphs[p].strip();
      StringBuilder current = null;
      for (String line : paragraph.split("\\n")) {
        Matcher bullet = BULLET.matcher(line);
        if (bullet.matches()) {
          if (current != null) {
            blocks.add(new Block(Block.Kind.PARAGRAPH, current.toString()));
          }
          blocks.add(new Block(Block.Kind.ITEM, bullet.group(1)));
          current = null;
        } else if (current == null) {
          current = new StringBuilder(line);
        } else {
          current.append('\n').append(line);
        }
      }
      if (current != null) {
        blocks.add(new Block(Block.Kind.PARAGRAPH, current.toString()));
      }
    }
    return ProseAssembly.assemble(blocks, TextFormat.PLAIN, new LeftOut());
  }
}
