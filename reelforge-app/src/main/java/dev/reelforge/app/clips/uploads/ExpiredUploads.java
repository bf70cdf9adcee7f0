package dev.reelforge.app.clips.uploads;

import dev.reelforge.clips.ClipKeys;
import dev.reelforge.core.clips.uploads.ChunkedUploads;
import dev.reelforge.core.storage.BlobStore;
import java.time.Duration;

/**
 * One run of the uploads upkeep: expired uploads go with their partial file and with the object a
 * client may have put through the signed upload URL (which nothing else would ever name again), and
 * partial files no upload owns go after a grace period.
 */
final class ExpiredUploads {

  private ExpiredUploads() {}

  /** Answers how many uploads and orphaned files were removed. */
  static int remove(ChunkedUploads uploads, BlobStore blobs, int batch, Duration orphanGrace) {
    // Deleting a key that holds nothing is harmless in every store, and most uploads never had
    // their signed URL used, so every expired upload's key is deleted without asking first.
    int expired =
        uploads.removeExpired(
            batch, upload -> blobs.delete(ClipKeys.signedUpload(upload.ownerId(), upload.id())));
    return expired + uploads.removeOrphans(orphanGrace);
  }
}
