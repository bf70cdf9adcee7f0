package dev.reelforge.core.publish;

import dev.reelforge.core.error.ReelForgeException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where a short can be published. */
public enum Platform {
  /** The local publish folder: offline, no account. */
  LOCAL,
  YOUTUBE,
  TIKTOK,
  INSTAGRAM,
  FACEBOOK;

  /** The wire and configuration name, e.g. {@code youtube}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether publishing here needs a connected account. */
  public boolean needsAccount() {
    return this != LOCAL;
  }

  /**
   * The platform named {@code key}, case-insensitive.
   *
   * @throws ReelForgeException INVALID_INPUT naming {@code field} for an unknown platform
   */
  public static Platform of(String key, String field) {
    String wanted = key == null ? "" : key.strip().toUpperCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(p -> p.name().equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                ReelForgeException.invalidField(
                    field,
                    "unknown platform '"
                        + key
                        + "'; one of "
                        + Arrays.stream(values())
                            .map(Platform::key)
                            .collect(Collectors.joining(", "))));
  }
}
