package dev.reelforge.app.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits one line of a documented shell command into words the way a POSIX shell does, so that a
 * command pasted from the docs into a terminal means what the doc-test ran: single quotes keep
 * everything, double quotes keep spaces and expand {@code $VAR}, a backslash escapes the next
 * character, {@code #} at the start of a word begins a comment. Only the variables the doc-test
 * provides expand; any other is an error, so a doc cannot use a variable nobody sets.
 */
final class ShellWords {

  private static final Pattern VARIABLE =
      Pattern.compile("\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)}|([A-Za-z_][A-Za-z0-9_]*))");

  private ShellWords() {}

  /** The words of {@code line}, its comment left out. */
  static List<String> split(String line, Map<String, String> variables) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        i++;
      } else if (c == '#' && !inWord) {
        break;
      } else if (c == '\'') {
        int end = line.indexOf('\'', i + 1);
        if (end < 0) {
          throw new IllegalArgumentException("unclosed ' in: " + line);
        }
        word.append(line, i + 1, end);
        inWord = true;
        i = end + 1;
      } else if (c == '"') {
        StringBuilder quoted = new StringBuilder();
        int j = i + 1;
        while (j < line.length() && line.charAt(j) != '"') {
          char q = line.charAt(j);
          if (q == '\\' && j + 1 < line.length() && "\"\\$`".indexOf(line.charAt(j + 1)) >= 0) {
            // Inside double quotes a backslash escapes only these; $ escaped is not expanded.
            quoted.append(line.charAt(j + 1) == '$' ? "\\$" : String.valueOf(line.charAt(j + 1)));
            j += 2;
          } else {
            quoted.append(q);
            j++;
          }
        }
        if (j >= line.length()) {
          throw new IllegalArgumentException("unclosed \" in: " + line);
        }
        word.append(expand(quoted.toString(), variables));
        inWord = true;
        i = j + 1;
      } else if (c == '\\' && i + 1 < line.length()) {
        word.append(line.charAt(i + 1));
        inWord = true;
        i += 2;
      } else {
        int j = i;
        while (j < line.length()
            && !Character.isWhitespace(line.charAt(j))
            && "'\"\\".indexOf(line.charAt(j)) < 0) {
          j++;
        }
        word.append(expand(line.substring(i, j), variables));
        inWord = true;
        i = j;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  private static String expand(String text, Map<String, String> variables) {
    Matcher matcher = VARIABLE.matcher(text);
    StringBuilder expanded = new StringBuilder();
    int last = 0;
    while (matcher.find()) {
      if (matcher.start() > 0 && text.charAt(matcher.start() - 1) == '\\') {
        expanded.append(text, last, matcher.start() - 1).append(matcher.group());
        last = matcher.end();
        continue;
      }
      String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
      String value = variables.get(name);
      if (value == null) {
        throw new IllegalArgumentException(
            "$" + name + " is not set by the doc-test; it sets " + variables.keySet());
      }
      expanded.append(text, last, matcher.start()).append(value);
      last = matcher.end();
    }
    return expanded.append(text.substring(last)).toString();
  }
}
