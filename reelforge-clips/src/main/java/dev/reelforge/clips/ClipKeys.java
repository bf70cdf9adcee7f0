package dev.reelforge.clips;

import java.util.UUID;

/**
 * The key layout of a source's files (seed 003's {@code {video_id}/raw|analysis|clips}), under its
 * owner: everything of a source under one prefix, and everything of a user under another, so
 * deleting a source or erasing a user is deleting a prefix.
 */
public final class ClipKeys {

  private ClipKeys() {}

  /** Every clips file of one user. */
  public static String ownerPrefix(UUID ownerId) {
    return "clips/" + ownerId + "/";
  }

  /**
   * Where a client puts a whole video through a signed upload URL: under the owner's clips, so it
   * is erased with the user. Completing, abandoning and expiring the upload delete it.
   */
  public static String signedUpload(UUID ownerId, UUID uploadId) {
    return ownerPrefix(ownerId) + "uploads/" + uploadId;
  }

  public static String prefix(UUID ownerId, UUID sourceId) {
    return ownerPrefix(ownerId) + sourceId + "/";
  }

  /** The uploaded video, with the extension it came with (FFmpeg reads by content anyway). */
  public static String source(UUID ownerId, UUID sourceId, String extension) {
    return prefix(ownerId, sourceId) + "raw/source." + extension;
  }

  /** The user's SRT/VTT. */
  public static String subtitle(UUID ownerId, UUID sourceId, String extension) {
    return prefix(ownerId, sourceId) + "raw/transcript." + extension;
  }

  /** The analysis run's files. */
  public static String analysis(UUID ownerId, UUID sourceId, UUID runId, String file) {
    return prefix(ownerId, sourceId) + "analysis/" + runId + "/" + file;
  }

  /** An export's files. */
  public static String export(UUID ownerId, UUID sourceId, UUID exportId, String file) {
    return prefix(ownerId, sourceId) + "clips/" + exportId + "/" + file;
  }
}
