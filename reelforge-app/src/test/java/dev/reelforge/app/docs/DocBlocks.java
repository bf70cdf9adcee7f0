package dev.reelforge.app.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The fenced code blocks of a Markdown file, with where they are and the doc-test marker above. */
final class DocBlocks {

  /** {@code <!-- doc-test: not run — why -->} on the last non-blank line before a block. */
  private static final Pattern MARKER = Pattern.compile("^<!--\\s*doc-test:\\s*(.*?)\\s*-->$");

  private DocBlocks() {}

  /**
   * One fenced block.
   *
   * @param where the file (relative to the repository root) and the line of its opening fence
   * @param language the fence's first word ({@code sh}, {@code json}, empty)
   * @param marker the text of a {@code doc-test:} comment right above it, if any
   * @param followsBlock whether only blank lines separate it from the block before (an answer)
   */
  record Block(
      String where,
      int line,
      String language,
      String body,
      Optional<String> marker,
      boolean followsBlock) {

    String at() {
      return where + ":" + line;
    }
  }

  static List<Block> read(Path root, Path file) throws IOException {
    String name = root.relativize(file).toString();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<Block> blocks = new ArrayList<>();
    int lastBlockEnd = -2;
    for (int i = 0; i < lines.size(); i++) {
      String trimmed = lines.get(i).strip();
      if (!trimmed.startsWith("```")) {
        continue;
      }
      String language = trimmed.substring(3).strip().split("\\s+", 2)[0];
      int start = i;
      StringBuilder body = new StringBuilder();
      String indent = lines.get(i).substring(0, lines.get(i).indexOf('`'));
      i++;
      while (i < lines.size() && !lines.get(i).strip().equals("```")) {
        String line = lines.get(i);
        body.append(line.startsWith(indent) ? line.substring(indent.length()) : line).append('\n');
        i++;
      }
      Optional<String> marker = Optional.empty();
      boolean follows = lastBlockEnd >= 0;
      for (int j = start - 1; j >= 0; j--) {
        String above = lines.get(j).strip();
        if (above.isEmpty()) {
          continue;
        }
        Matcher m = MARKER.matcher(above);
        if (m.matches()) {
          marker = Optional.of(m.group(1));
        }
        follows = follows && j == lastBlockEnd;
        break;
      }
      blocks.add(new Block(name, start + 1, language, body.toString(), marker, follows));
      lastBlockEnd = i;
    }
    return blocks;
  }

  /**
   * The commands of a shell block: lines joined where they end with a backslash, blank lines and
   * whole-line comments left out, each with its line number in the file.
   */
  static List<Command> commands(Block block) {
    List<Command> commands = new ArrayList<>();
    String[] lines = block.body().split("\n", -1);
    StringBuilder pending = new StringBuilder();
    int first = -1;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (pending.isEmpty() && (line.isBlank() || line.strip().startsWith("#"))) {
        continue;
      }
      if (first < 0) {
        first = block.line() + 1 + i;
      }
      if (line.endsWith("\\")) {
        pending.append(line, 0, line.length() - 1).append(' ');
        continue;
      }
      pending.append(line);
      commands.add(new Command(first, pending.toString().strip()));
      pending.setLength(0);
      first = -1;
    }
    return commands;
  }

  /** One shell command as written, and the line where it starts. */
  record Command(int line, String text) {}
}
