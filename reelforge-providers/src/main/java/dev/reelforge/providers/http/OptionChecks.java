package dev.reelforge.providers.http;

import dev.reelforge.core.error.ReelForgeException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/**
 * The checks every vendor's options make when they are built. Each failure is an {@code
 * INVALID_INPUT} error that names the setting to fix ({@code reelforge.providers.openai.base-url:
 * …}), so that a wrong value stops startup with one line a person can act on. Keys are never
 * repeated in a message.
 */
public final class OptionChecks {

  /** The settings tree the resilience options come from. */
  public static final String HTTP_SETTINGS = "reelforge.providers.http";

  private OptionChecks() {}

  /** An absolute http(s) URL, stripped of surrounding blanks and trailing slashes. */
  public static String url(String setting, String value) {
    String url = value == null ? "" : value.strip();
    if (url.isEmpty()) {
      throw invalid(setting, "is empty; give the API's base URL, e.g. https://api.example.com");
    }
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      throw invalid(setting, "must start with http:// or https://, not '" + url + "'");
    }
    String host;
    try {
      // The authority, not the host: URI leaves the host empty for names with "_" (container
      // names).
      host = new URI(url).getRawAuthority();
    } catch (URISyntaxException e) {
      host = null;
    }
    if (host == null || host.isEmpty()) {
      throw invalid(setting, "has no host: '" + url + "'");
    }
    return url.replaceAll("/+$", "");
  }

  /**
   * A key that must be present: {@code variable} names the environment variable the app also reads
   * it from, for the message.
   */
  public static String key(String setting, String value, String variable) {
    String key = value == null ? "" : value.strip();
    if (key.isEmpty()) {
      throw invalid(
          setting,
          "is missing; set it"
              + (variable == null || variable.isEmpty() ? "" : " or the variable " + variable));
    }
    return key;
  }

  /** A key that may be absent (servers without authentication): empty when absent. */
  public static String optionalKey(String value) {
    return value == null ? "" : value.strip();
  }

  /** A non-blank word such as a model name. */
  public static String text(String setting, String value) {
    String text = value == null ? "" : value.strip();
    if (text.isEmpty()) {
      throw invalid(setting, "is empty");
    }
    return text;
  }

  /** A duration above zero. */
  public static Duration positive(String setting, Duration value) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw invalid(setting, "must be positive, not " + value);
    }
    return value;
  }

  /** A whole number of at least {@code min}. */
  public static int atLeast(String setting, int value, int min) {
    if (value < min) {
      throw invalid(setting, "must be at least " + min + ", not " + value);
    }
    return value;
  }

  /** A number within {@code [min, max]}. */
  public static double within(String setting, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw invalid(setting, "must be between " + min + " and " + max + ", not " + value);
    }
    return value;
  }

  /** A value that must be given. */
  public static <T> T present(String setting, T value) {
    if (value == null) {
      throw invalid(setting, "is missing");
    }
    return value;
  }

  private static ReelForgeException invalid(String setting, String why) {
    return ReelForgeException.invalidField(setting, why);
  }
}
