package dev.reelforge.media.render.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Builds a content hash from everything that decides an output's bytes. Each part is written with
 * its name and a separator so that different inputs cannot run together into the same text.
 */
public final class CacheKey {

  /**
   * Bumped whenever the renderer's output for the same inputs changes, so that old cache entries
   * are never reused by a newer renderer. render-2: titles fitted by phrase in a condensed face,
   * captions hidden under the hook, units kept in lower case under capital styles.
   */
  public static final String RENDERER_VERSION = "render-2";

  private final MessageDigest digest = SourceFiles.digest();

  public CacheKey() {
    add("renderer", RENDERER_VERSION);
  }

  public CacheKey add(String name, Object value) {
    digest.update((name + "=" + value + "\u001f").getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /** The key: 32 hex characters are plenty for a cache and keep file names short. */
  public String value() {
    return HexFormat.of().formatHex(digest.digest()).substring(0, 32);
  }
}
