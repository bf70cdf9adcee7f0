package dev.reelforge.app.settings;

/**
 * A setting that cannot work, found at startup. The message names the setting, the value (unless it
 * is a secret) and how to set it, in one line.
 */
public final class InvalidSettingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidSettingException(String message) {
    super(message);
  }

  /** The message for {@code property} holding {@code value} that is wrong because {@code why}. */
  public static InvalidSettingException of(String property, Object value, String why) {
    String shown = isSecret(property) ? "(hidden)" : "'" + value + "'";
    return new InvalidSettingException(
        "invalid setting "
            + property
            + " = "
            + shown
            + ": "
            + why
            + " (set it with the environment variable "
            + environmentVariable(property)
            + " or --"
            + property
            + "=...)");
  }

  /** The environment variable Spring's relaxed binding maps to {@code property}. */
  public static String environmentVariable(String property) {
    return property.replace("-", "").replace('.', '_').toUpperCase(java.util.Locale.ROOT);
  }

  private static boolean isSecret(String property) {
    String p = property.toLowerCase(java.util.Locale.ROOT);
    return p.contains("password")
        || p.contains("secret")
        || p.contains("key")
        || p.contains("token")
        || p.contains("connection-string");
  }
}
