package dev.reelforge.core.jobs.spi;

import java.util.Collection;
import java.util.Map;

/**
 * Builds the small JSON objects job stores write as event data, without a JSON library (core has
 * none), so that every store writes the same text: keys and values alternate; values may be
 * strings, numbers, booleans, null, or {@link Raw} JSON.
 */
public final class JsonText {

  /** Already-serialised JSON inserted as it is. */
  public record Raw(String json) {}

  private JsonText() {}

  public static String object(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values must alternate");
    }
    StringBuilder json = new StringBuilder("{");
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (i > 0) {
        json.append(',');
      }
      string(json, String.valueOf(keysAndValues[i]));
      json.append(':');
      value(json, keysAndValues[i + 1]);
    }
    return json.append('}').toString();
  }

  public static String object(Map<String, ?> map) {
    Object[] flat = new Object[map.size() * 2];
    int i = 0;
    for (Map.Entry<String, ?> e : map.entrySet()) {
      flat[i++] = e.getKey();
      flat[i++] = e.getValue();
    }
    return object(flat);
  }

  private static void value(StringBuilder json, Object value) {
    switch (value) {
      case null -> json.append("null");
      case Raw raw -> json.append(raw.json());
      case Boolean b -> json.append(b);
      case Integer n -> json.append(n);
      case Long n -> json.append(n);
      case Double d when Double.isFinite(d) -> json.append(d);
      case Double d -> json.append("null");
      case Collection<?> items -> array(json, items);
      default -> string(json, value.toString());
    }
  }

  private static void array(StringBuilder json, Collection<?> items) {
    json.append('[');
    boolean first = true;
    for (Object item : items) {
      if (!first) {
        json.append(',');
      }
      first = false;
      value(json, item);
    }
    json.append(']');
  }

  private static void string(StringBuilder json, String s) {
    json.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }
}
