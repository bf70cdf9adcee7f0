package dev.reelforge.mediagen;

import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.imagegen.ImageRequest;
import java.util.Locale;
import java.util.Objects;

/**
 * An image job as asked (seed 004 §4), checked on construction with the API's field names.
 *
 * @param prompt what the picture shows
 * @param negativePrompt what it should not show; kept with the job (no image engine of this build
 *     takes one, so it does not change the picture yet)
 * @param aspectRatio {@code 1:1}, {@code 16:9}, {@code 9:16}, {@code 4:3} or {@code 3:4}
 * @param seed makes the picture repeatable where the engine supports it
 * @param quality {@code standard} (long side 1024 px) or {@code hd} (1536 px)
 */
public record ImageJobInput(
    String prompt, String negativePrompt, String aspectRatio, long seed, String quality) {

  public static final int MAX_NEGATIVE_PROMPT_CHARS = 1000;

  public ImageJobInput {
    prompt = Objects.requireNonNullElse(prompt, "").strip();
    negativePrompt = Objects.requireNonNullElse(negativePrompt, "").strip();
    aspectRatio = Objects.requireNonNullElse(aspectRatio, "1:1").strip();
    quality = Objects.requireNonNullElse(quality, "standard").strip().toLowerCase(Locale.ROOT);
    if (prompt.isEmpty()) {
      throw ReelForgeException.invalidField("prompt", "must not be blank");
    }
    if (prompt.length() > ImageRequest.MAX_PROMPT_CHARS) {
      throw ReelForgeException.invalidField(
          "prompt", "must be at most " + ImageRequest.MAX_PROMPT_CHARS + " characters");
    }
    if (negativePrompt.length() > MAX_NEGATIVE_PROMPT_CHARS) {
      throw ReelForgeException.invalidField(
          "negative_prompt", "must be at most " + MAX_NEGATIVE_PROMPT_CHARS + " characters");
    }
    if (!quality.equals("standard") && !quality.equals("hd")) {
      throw ReelForgeException.invalidField("quality", "must be standard or hd");
    }
    shape(aspectRatio);
  }

  /** The picture's width and height for its aspect ratio and quality. */
  public int[] size() {
    int[] shape = shape(aspectRatio);
    int longSide = quality.equals("hd") ? 1536 : 1024;
    int across = shape[0];
    int down = shape[1];
    if (across >= down) {
      return new int[] {longSide, multipleOf16(longSide * down / (double) across)};
    }
    return new int[] {multipleOf16(longSide * across / (double) down), longSide};
  }

  /** What the image generator port is asked. */
  public ImageRequest request() {
    int[] size = size();
    return new ImageRequest(prompt, size[0], size[1], seed);
  }

  private static int multipleOf16(double pixels) {
    return (int) Math.round(pixels / 16) * 16;
  }

  private static int[] shape(String ratio) {
    return switch (ratio) {
      case "1:1" -> new int[] {1, 1};
      case "16:9" -> new int[] {16, 9};
      case "9:16" -> new int[] {9, 16};
      case "4:3" -> new int[] {4, 3};
      case "3:4" -> new int[] {3, 4};
      default ->
          throw ReelForgeException.invalidField(
              "aspect_ratio", "must be one of 1:1, 16:9, 9:16, 4:3, 3:4");
    };
  }
}
