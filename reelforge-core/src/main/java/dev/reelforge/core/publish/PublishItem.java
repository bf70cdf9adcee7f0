package dev.reelforge.core.publish;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One short to post to one platform.
 *
 * @param targetId the publication target's id: the same on every retry, so a publisher may key what
 *     it writes by it
 * @param name a file-safe name for the post, e.g. {@code honey-never-spoils}
 * @param video the MP4 on local disk
 * @param videoBytes its size
 * @param sha256 its checksum (hex), for idempotency checks
 * @param thumbnail a JPEG thumbnail, when there is one
 * @param captions SRT/VTT files to attach where the platform takes them
 * @param metadata the copy, already checked against the platform's limits
 * @param privacy {@code public}, {@code unlisted} or {@code private}; each platform maps it to its
 *     own levels
 * @param publicUrl a time-limited signed URL the platform may fetch the video from (Instagram
 *     fetches, never receives, the bytes); empty when the server has no public address
 */
public record PublishItem(
    UUID targetId,
    String name,
    Path video,
    long videoBytes,
    String sha256,
    Optional<Path> thumbnail,
    List<Path> captions,
    PostMetadata metadata,
    String privacy,
    Optional<URI> publicUrl) {

  public PublishItem {
    Objects.requireNonNull(targetId, "targetId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(video, "video");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(thumbnail, "thumbnail");
    captions = List.copyOf(captions);
    Objects.requireNonNull(metadata, "metadata");
    privacy = privacy == null || privacy.isBlank() ? "public" : privacy;
    Objects.requireNonNull(publicUrl, "publicUrl");
  }
}
