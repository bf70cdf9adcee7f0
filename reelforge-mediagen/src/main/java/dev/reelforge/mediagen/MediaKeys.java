package dev.reelforge.mediagen;

import java.util.UUID;

/** Storage keys of seed 004 §6, one folder per user so that erasing a user erases them all. */
public final class MediaKeys {

  private MediaKeys() {}

  /** Every key of {@code owner} starts with this. */
  public static String ownerPrefix(UUID owner) {
    return "media/" + owner + "/";
  }

  public static String image(UUID owner, UUID job) {
    return ownerPrefix(owner) + "images/" + job + ".png";
  }

  public static String video(UUID owner, UUID job) {
    return ownerPrefix(owner) + "video/" + job + ".mp4";
  }

  /** The 256-pixel JPEG made for every output. */
  public static String thumb(UUID owner, UUID job) {
    return ownerPrefix(owner) + "thumbs/" + job + ".jpg";
  }

  /** A frame a video job starts or ends with, as given ({@code which}: start or end). */
  public static String frame(UUID owner, UUID job, String which) {
    return ownerPrefix(owner) + "frames/" + job + "-" + which + ".png";
  }
}
