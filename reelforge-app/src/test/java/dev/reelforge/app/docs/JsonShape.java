package dev.reelforge.app.docs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compares an answer with the JSON a doc shows for it, by shape: the same keys, nesting and value
 * types. A doc writes {@code …} for what it leaves out:
 *
 * <ul>
 *   <li>{@code "key":…} — any value;
 *   <li>{@code {"a":1,…}} — more keys may follow; without it the keys must be exactly these;
 *   <li>{@code [x,…]} — any number of elements, each shaped like {@code x} (the last one shown);
 *       without it, exactly the elements shown; {@code […]} — any array;
 *   <li>{@code "…"} — any string; {@code "rft_…"} — a string that starts with {@code rft_}.
 * </ul>
 *
 * Other strings and all numbers stand for their type only, except codes in capitals ({@code
 * "AUTH_REQUIRED"}) and messages (words with spaces, no {@code …}), which must be equal, as must
 * {@code true} and {@code false}; {@code null} means null.
 */
final class JsonShape {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  static final String ANY = "\u0000any";
  static final String MORE = "\u0000more";
  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]+");

  private JsonShape() {}

  /** The documented JSON, its bare {@code …} turned into markers the comparison understands. */
  static JsonNode documented(String text) {
    StringBuilder out = new StringBuilder();
    Deque<Character> open = new ArrayDeque<>();
    boolean inString = false;
    char previous = 0; // the last significant character outside strings
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        out.append(c);
        if (c == '\\') {
          out.append(text.charAt(++i));
        } else if (c == '"') {
          inString = false;
          previous = '"';
        }
        continue;
      }
      switch (c) {
        case '"' -> inString = true;
        case '{', '[' -> open.push(c);
        case '}', ']' -> open.pop();
        default -> {}
      }
      if (c == '…') {
        boolean member = open.peek() != null && open.peek() == '{' && previous != ':';
        out.append(member ? "\"" + MORE.replace("\u0000", "\\u0000") + "\":null" : anyLiteral());
        previous = 'x';
        continue;
      }
      out.append(c);
      if (!Character.isWhitespace(c)) {
        previous = c;
      }
    }
    return JSON.readTree(out.toString());
  }

  private static String anyLiteral() {
    return "\"" + ANY.replace("\u0000", "\\u0000") + "\"";
  }

  /** Every way {@code actual} departs from {@code documented}; empty when it fits. */
  static List<String> differences(JsonNode documented, JsonNode actual) {
    List<String> found = new ArrayList<>();
    compare("$", documented, actual, found);
    return found;
  }

  private static void compare(String path, JsonNode doc, JsonNode actual, List<String> found) {
    if (doc.isString() && doc.asString().equals(ANY)) {
      return;
    }
    if (actual == null || actual.isMissingNode()) {
      found.add(path + ": documented but missing");
      return;
    }
    if (doc.isObject()) {
      if (!actual.isObject()) {
        found.add(path + ": documented an object, got " + kind(actual));
        return;
      }
      Set<String> documentedKeys = new HashSet<>();
      for (Map.Entry<String, JsonNode> member : doc.properties()) {
        if (member.getKey().equals(MORE)) {
          continue;
        }
        documentedKeys.add(member.getKey());
        compare(
            path + "." + member.getKey(), member.getValue(), actual.get(member.getKey()), found);
      }
      if (!doc.has(MORE)) {
        for (String key : actual.propertyNames()) {
          if (!documentedKeys.contains(key)) {
            found.add(path + "." + key + ": in the answer but not documented (add it, or …)");
          }
        }
      }
    } else if (doc.isArray()) {
      if (!actual.isArray()) {
        found.add(path + ": documented an array, got " + kind(actual));
        return;
      }
      List<JsonNode> shown = new ArrayList<>();
      boolean more = false;
      for (JsonNode element : doc) {
        if (element.isString() && element.asString().equals(ANY)) {
          more = true;
        } else {
          shown.add(element);
        }
      }
      if (!more && actual.size() != shown.size()) {
        found.add(
            path
                + ": documented "
                + shown.size()
                + " element(s), got "
                + actual.size()
                + " (or …)");
        return;
      }
      for (int i = 0; i < actual.size() && !shown.isEmpty(); i++) {
        compare(
            path + "[" + i + "]", shown.get(Math.min(i, shown.size() - 1)), actual.get(i), found);
      }
    } else if (doc.isString()) {
      String text = doc.asString();
      if (!actual.isString()) {
        found.add(path + ": documented a string, got " + kind(actual));
      } else if (text.endsWith("…") && !actual.asString().startsWith(text.replace("…", ""))) {
        found.add(path + ": documented \"" + text + "\", got \"" + actual.asString() + "\"");
      } else if ((CODE.matcher(text).matches() || isSentence(text))
          && !text.equals(actual.asString())) {
        found.add(path + ": documented \"" + text + "\", got \"" + actual.asString() + "\"");
      }
    } else if (doc.isBoolean()) {
      if (!actual.isBoolean() || actual.asBoolean() != doc.asBoolean()) {
        found.add(path + ": documented " + doc + ", got " + actual);
      }
    } else if (doc.isNumber()) {
      if (!actual.isNumber()) {
        found.add(path + ": documented a number, got " + kind(actual));
      }
    } else if (doc.isNull() && !actual.isNull()) {
      found.add(path + ": documented null, got " + kind(actual) + " (write … for any value)");
    }
  }

  private static String kind(JsonNode node) {
    if (node.isObject()) {
      return "an object";
    }
    if (node.isArray()) {
      return "an array";
    }
    if (node.isString()) {
      return "a string \"" + node.asString() + "\"";
    }
    return node.isNull() ? "null" : node.toString();
  }

  /**
   * A documented message (words with spaces, no {@code …}): what the reader is told the server
   * says, so it must be said exactly. A one-word value stands for its type.
   */
  private static boolean isSentence(String text) {
    return text.contains(" ") && !text.contains("…");
  }
}
