package dev.reelforge.brand;

import java.util.UUID;

/**
 * The {@link BrandFiles} keys of every file the feature writes, under the owner's folder so that
 * erasing a user's data finds them all.
 */
public final class BrandKeys {

  private BrandKeys() {}

  /** The folder holding every brand file of one owner, what erasing the owner deletes. */
  public static String ownerPrefix(UUID owner) {
    return "brand/" + owner + "/";
  }

  private static String job(UUID owner, UUID jobId) {
    return ownerPrefix(owner) + jobId + "/";
  }

  /** The upload as sent. */
  public static String upload(UUID owner, UUID jobId, String extension) {
    return job(owner, jobId) + "upload." + extension;
  }

  /** The upload normalised to PNG, what analysis and the style reference read. */
  public static String normalised(UUID owner, UUID jobId) {
    return job(owner, jobId) + "image.png";
  }

  public static String styleReference(UUID owner, UUID jobId, long seed) {
    return job(owner, jobId) + "style-" + Long.toUnsignedString(seed, 36) + ".png";
  }

  public static String preview(UUID owner, UUID jobId, UUID storyboard, int index, int attempt) {
    return job(owner, jobId) + storyboard + "/scene-" + index + "-" + attempt + ".png";
  }

  public static String clip(UUID owner, UUID jobId, UUID storyboard, int index) {
    return job(owner, jobId) + storyboard + "/clip-" + index + ".mp4";
  }

  public static String video(UUID owner, UUID jobId, UUID storyboard, String preset) {
    return job(owner, jobId) + storyboard + "/brand-" + preset + ".mp4";
  }

  public static String thumbnail(UUID owner, UUID jobId, UUID storyboard, String preset) {
    return job(owner, jobId) + storyboard + "/brand-" + preset + ".jpg";
  }
}
