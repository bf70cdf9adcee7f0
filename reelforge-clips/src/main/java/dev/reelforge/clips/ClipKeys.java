package dev.reelforge.clips;

import java.util.UUID;

/**
 * The key layout of a source's files (seed 003's {@code {video_id}/raw|analysis|clips}): everything
 * of a source under one prefix, so deleting a source is deleting a prefix.
 */
public final class ClipKeys {

  private ClipKeys() {}

  public static String prefix(UUID sourceId) {
    return "clips/" + sourceId + "/";
  }

  /** The uploaded video, with the extension it came with (FFmpeg reads by content anyway). */
  public static String source(UUID sourceId, String extension) {
    return prefix(sourceId) + "raw/source." + extension;
  }

  /** The user's SRT/VTT. */
  public static String subtitle(UUID sourceId, String extension) {
    return prefix(sourceId) + "raw/transcript." + extension;
  }

  /** The analysis run's files. */
  public static String analysis(UUID sourceId, UUID runId, String file) {
    return prefix(sourceId) + "analysis/" + runId + "/" + file;
  }

  /** An export's files. */
  public static String export(UUID sourceId, UUID exportId, String file) {
    return prefix(sourceId) + "clips/" + exportId + "/" + file;
  }
}
