package dev.reelforge.core.imagegen;

import dev.reelforge.core.licence.MediaLicence;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A generated picture.
 *
 * @param file the image file (PNG, JPEG or WebP, as the provider returns it)
 * @param width its pixels
 * @param height its pixels
 * @param model the generator and model that made it, for the run manifest
 * @param revisedPrompt the prompt as the provider rewrote it (OpenAI does), else the prompt
 * @param licence licensing evidence: the provider's terms for generated output
 */
public record GeneratedImage(
    Path file, int width, int height, String model, String revisedPrompt, MediaLicence licence) {

  public GeneratedImage {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(licence, "licence");
    revisedPrompt = Objects.requireNonNullElse(revisedPrompt, "");
  }
}
