package dev.reelforge.providers.meta;

import dev.reelforge.core.error.ReelForgeException;

/** The Graph API version a publisher calls, e.g. {@code v21.0}. */
public final class GraphVersion {

  /** A version Meta supports at the time of writing; each is supported for about two years. */
  public static final String DEFAULT = "v21.0";

  private GraphVersion() {}

  /**
   * {@code value} when it reads {@code v<major>.<minor>}.
   *
   * @throws ReelForgeException INVALID_INPUT naming {@code setting}
   */
  public static String check(String setting, String value) {
    String version = value == null ? "" : value.strip();
    if (!version.matches("v\\d{1,3}\\.\\d{1,2}")) {
      throw ReelForgeException.invalidField(
          setting, "must be a Graph API version such as " + DEFAULT + ", not '" + version + "'");
    }
    return version;
  }
}
