package dev.reelforge.core.imagegen;

import dev.reelforge.core.error.ReelForgeException;
import java.util.Objects;

/**
 * A picture to generate.
 *
 * @param prompt what it shows (at most {@link #MAX_PROMPT_CHARS} characters)
 * @param width pixels wanted (256–2048); providers with fixed sizes pick the nearest shape
 * @param height pixels wanted (256–2048)
 * @param seed makes generation repeatable where the provider supports it
 */
public record ImageRequest(String prompt, int width, int height, long seed) {

  /** OpenAI's limit for DALL·E 3 prompts; the shortest among the providers we call. */
  public static final int MAX_PROMPT_CHARS = 4000;

  public ImageRequest {
    Objects.requireNonNull(prompt, "prompt");
    if (prompt.isBlank()) {
      throw ReelForgeException.invalidField("prompt", "must not be blank");
    }
    if (prompt.length() > MAX_PROMPT_CHARS) {
      throw ReelForgeException.invalidField(
          "prompt", "must be at most " + MAX_PROMPT_CHARS + " characters");
    }
    if (width < 256 || width > 2048 || height < 256 || height > 2048) {
      throw ReelForgeException.invalidField("size", "width and height must be 256 to 2048 pixels");
    }
  }
}
