package dev.reelforge.core.storage;

import dev.reelforge.core.error.ReelForgeException;
import java.util.regex.Pattern;

/**
 * The key layout shared by every store (docs/operations.md#storage):
 *
 * <ul>
 *   <li>{@code stories/{sessionId}/{name}.mp4|.jpg|.srt|.vtt}, {@code manifest.json}: a story
 *       session's exports, the files users download;
 *   <li>{@code stories/{sessionId}/.work/…}: its intermediate files (fetched visuals, narration,
 *       music, timeline, cached video segments), mirrored so any worker can continue a run.
 * </ul>
 *
 * <p>Session ids are random UUIDs and ownership is checked in the database before any URL is
 * signed, so keys need not carry the owner.
 */
public final class BlobKeys {

  private static final Pattern SEGMENT = Pattern.compile("[^\\p{Cntrl}\\\\]{1,255}");
  private static final int MAX_LENGTH = 1024;

  private BlobKeys() {}

  /** The key of a story session's folder (no trailing slash). */
  public static String storyFolder(String sessionId) {
    return check("stories/" + sessionId);
  }

  /** The prefix of every key in a story session's folder. */
  public static String storyPrefix(String sessionId) {
    return storyFolder(sessionId) + "/";
  }

  /** A prefix as the key of its folder: without the trailing slash. */
  public static String folderOf(String prefix) {
    return prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
  }

  /**
   * Returns the key when it is a safe relative path: non-empty segments of up to 255 characters
   * without control characters or backslashes, none of them {@code .} or {@code ..}, at most 1,024
   * characters in all. Anything else could escape a local root or mean different objects on
   * different stores.
   */
  public static String check(String key) {
    if (key == null || key.isEmpty() || key.length() > MAX_LENGTH) {
      throw ReelForgeException.invalidField("key", "a blob key has 1 to 1024 characters");
    }
    for (String segment : key.split("/", -1)) {
      if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
        throw ReelForgeException.invalidField(
            "key", "'" + key + "' is not a blob key: a relative path without . or .. segments");
      }
    }
    return key;
  }
}
