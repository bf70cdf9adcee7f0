package dev.reelforge.core.imagegen;

import java.nio.file.Path;

/**
 * Makes a picture from a prompt. Implementations: procedural designs offline, OpenAI Images, fal.ai
 * Flux.
 *
 * <p>Contract (checked by {@code ImageGeneratorContract} in the testkit): the file at the returned
 * path decodes as an image of the returned size, whose shape matches the request's within 15 %, and
 * carries a licence.
 */
public interface ImageGenerator {

  /** The generator's configuration name, e.g. {@code procedural}, {@code openai}, {@code fal}. */
  String name();

  /**
   * Generates {@code request} into {@code directory}.
   *
   * @throws dev.reelforge.core.error.ReelForgeException {@code INVALID_INPUT} for a prompt the
   *     provider refuses, an external-API code for its failures
   */
  GeneratedImage generate(ImageRequest request, Path directory);
}
