package dev.reelforge.core.brand;

import java.util.Objects;

/**
 * What the technical director writes for one scene (seed 001 §3 {@code SceneData}, its DeepSeek
 * fields) plus the short on-screen line the finished video captions it with.
 *
 * @param cinematographyPrompt the shot, for previews and production engines (≤ 1,000 characters)
 * @param cameraMovement e.g. {@code slow orbit}, {@code push-in}
 * @param lightingNotes e.g. {@code soft key from the left, warm rim}
 * @param invariantToken the visual anchor that must persist across scenes
 * @param caption a short line (≤ 80 characters) shown over the scene in the finished video
 */
public record SceneScript(
    String cinematographyPrompt,
    String cameraMovement,
    String lightingNotes,
    String invariantToken,
    String caption) {

  public static final int MAX_PROMPT_CHARS = 1000;
  public static final int MAX_CAPTION_CHARS = 80;

  public SceneScript {
    cinematographyPrompt =
        required("cinematography_prompt", cinematographyPrompt, MAX_PROMPT_CHARS);
    cameraMovement = required("camera_movement", cameraMovement, 120);
    lightingNotes = required("lighting_notes", lightingNotes, 300);
    invariantToken = required("invariant_token", invariantToken, 120);
    caption = required("caption", caption, MAX_CAPTION_CHARS);
  }

  private static String required(String field, String value, int max) {
    String clean = Objects.requireNonNullElse(value, "").strip();
    if (clean.isEmpty()) {
      throw new IllegalArgumentException("a scene's " + field + " must not be blank");
    }
    if (clean.length() > max) {
      throw new IllegalArgumentException(
          "a scene's " + field + " must be at most " + max + " characters");
    }
    return clean;
  }
}
