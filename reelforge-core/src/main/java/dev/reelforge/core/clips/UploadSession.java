package dev.reelforge.core.clips;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A resumable, chunked upload of a large video: the client sends byte ranges in order and may come
 * back after a dropped connection (or a server restart) to ask how much arrived.
 *
 * @param id the upload's id
 * @param ownerId who uploads
 * @param name the file name the user gave
 * @param totalBytes the size announced when the upload began
 * @param receivedBytes how many bytes arrived, from the start, without a gap
 * @param stagingKey where the bytes are gathered, relative to the clips store's staging area
 * @param createdAt when it began
 * @param expiresAt when an unfinished upload is thrown away
 */
public record UploadSession(
    UUID id,
    UUID ownerId,
    String name,
    long totalBytes,
    long receivedBytes,
    String stagingKey,
    Instant createdAt,
    Instant expiresAt) {

  public UploadSession {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(stagingKey, "stagingKey");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    if (totalBytes <= 0 || receivedBytes < 0 || receivedBytes > totalBytes) {
      throw new IllegalArgumentException(
          "received " + receivedBytes + " of " + totalBytes + " bytes is not possible");
    }
  }

  public boolean isComplete() {
    return receivedBytes == totalBytes;
  }

  public UploadSession withReceived(long bytes) {
    return new UploadSession(
        id, ownerId, name, totalBytes, bytes, stagingKey, createdAt, expiresAt);
  }
}
