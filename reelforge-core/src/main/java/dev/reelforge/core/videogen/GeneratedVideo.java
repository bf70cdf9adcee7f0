package dev.reelforge.core.videogen;

import dev.reelforge.core.licence.MediaLicence;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A finished clip.
 *
 * @param file the MP4 (H.264)
 * @param width its pixels
 * @param height its pixels
 * @param durationSeconds its length as measured (vendors round the asked length to what they make)
 * @param model the engine and model that made it, for the job's record
 * @param licence licensing evidence: the vendor's terms for generated output
 */
public record GeneratedVideo(
    Path file, int width, int height, double durationSeconds, String model, MediaLicence licence) {

  public GeneratedVideo {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(licence, "licence");
    if (width <= 0 || height <= 0 || durationSeconds <= 0) {
      throw new IllegalArgumentException("a clip has a size and a length");
    }
  }
}
