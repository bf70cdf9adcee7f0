package dev.reelforge.clips;

import java.util.UUID;

/**
 * The blob-store keys of the clips feature's files: {@code clips/{owner}/{source}/…}, under the
 * owner's folder so that erasing a user's data finds them all. A source's folder holds what {@link
 * ClipFiles} lays out in it.
 */
public final class ClipKeys {

  private ClipKeys() {}

  /** The folder holding every clip file of one owner, what erasing the owner deletes. */
  public static String ownerPrefix(UUID owner) {
    return "clips/" + owner + "/";
  }

  /** The folder of one source: its video, subtitles, work files and exports. */
  public static String sourcePrefix(UUID owner, UUID source) {
    return ownerPrefix(owner) + source + "/";
  }
}
