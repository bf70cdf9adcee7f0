package dev.reelforge.app.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every string in a request body is checked as it is read: a NUL character or an unpaired UTF-16
 * surrogate is refused there (400 naming the field), instead of reaching PostgreSQL (which cannot
 * store either in text or jsonb) or a file name as a 500.
 */
public final class SafeText extends SimpleModule {
  private static final long serialVersionUID = 1L;

  public SafeText() {
    super("reelforge-safe-text");
    addDeserializer(String.class, new Checked());
  }

  /** Whether {@code text} is free of NUL characters and unpaired surrogates. */
  public static boolean isSafe(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\0') {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  private static final class Checked extends ValueDeserializer<String> {
    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
      String value = StringDeserializer.instance.deserialize(parser, context);
      if (value != null && !isSafe(value)) {
        throw InvalidFormatException.from(
            parser, "must not contain NUL characters or unpaired surrogates", value, String.class);
      }
      return value;
    }
  }
}
