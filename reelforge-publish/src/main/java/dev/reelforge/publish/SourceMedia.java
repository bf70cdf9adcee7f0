package dev.reelforge.publish;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A finished run's files in one format, on local disk for the time of one upload.
 *
 * @param video the MP4
 * @param thumbnail its thumbnail, when there is one
 * @param captions its SRT/VTT files
 * @param publicUrl a signed URL a platform may fetch the video from; empty when the server has no
 *     public address
 */
public record SourceMedia(
    Path video, Optional<Path> thumbnail, List<Path> captions, Optional<URI> publicUrl) {

  public SourceMedia {
    Objects.requireNonNull(video, "video");
    Objects.requireNonNull(thumbnail, "thumbnail");
    captions = List.copyOf(captions);
    Objects.requireNonNull(publicUrl, "publicUrl");
  }
}
