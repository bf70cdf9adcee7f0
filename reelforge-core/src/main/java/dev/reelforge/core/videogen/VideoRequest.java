package dev.reelforge.core.videogen;

import dev.reelforge.core.error.ReelForgeException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A clip to generate. Field names in refusals are the API's ({@code duration_s}, …).
 *
 * @param prompt what happens in it (at most {@link #MAX_PROMPT_CHARS} characters)
 * @param startImage the first frame to animate from; none makes a text-to-video request
 * @param endImage the frame to arrive at (needs a start image)
 * @param durationSeconds length wanted, 1 to {@link #MAX_DURATION_SECONDS}; vendors with fixed
 *     lengths pick the nearest they make
 * @param fps frames per second, 12 to 60 (vendors with a fixed rate keep theirs)
 * @param resolution the frame height class
 * @param aspect the frame's shape
 * @param seed makes generation repeatable where the engine supports it (the offline one does)
 */
public record VideoRequest(
    String prompt,
    Optional<VideoFrame> startImage,
    Optional<VideoFrame> endImage,
    int durationSeconds,
    int fps,
    Resolution resolution,
    Aspect aspect,
    long seed) {

  /** Kling's prompt limit, the shortest among the engines we call. */
  public static final int MAX_PROMPT_CHARS = 2500;

  /** Seed 004 §5: longer requests are refused. */
  public static final int MAX_DURATION_SECONDS = 10;

  public VideoRequest {
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(startImage, "startImage");
    Objects.requireNonNull(endImage, "endImage");
    Objects.requireNonNull(resolution, "resolution");
    Objects.requireNonNull(aspect, "aspect");
    if (prompt.isBlank() && startImage.isEmpty()) {
      throw ReelForgeException.invalidField(
          "video_prompt", "must not be blank without a start image");
    }
    if (prompt.length() > MAX_PROMPT_CHARS) {
      throw ReelForgeException.invalidField(
          "video_prompt", "must be at most " + MAX_PROMPT_CHARS + " characters");
    }
    if (endImage.isPresent() && startImage.isEmpty()) {
      throw ReelForgeException.invalidField("end_image_url", "needs a start_image_url");
    }
    if (durationSeconds < 1 || durationSeconds > MAX_DURATION_SECONDS) {
      throw ReelForgeException.invalidField(
          "duration_s", "must be 1 to " + MAX_DURATION_SECONDS + " seconds");
    }
    if (fps < 12 || fps > 60) {
      throw ReelForgeException.invalidField("fps", "must be 12 to 60");
    }
  }

  /** Frame width in pixels (even). */
  public int width() {
    return aspect.width(resolution);
  }

  /** Frame height in pixels (even). */
  public int height() {
    return aspect.height(resolution);
  }

  /** A frame given as a file here, and as a public address when one exists (Luma needs one). */
  public record VideoFrame(Path file, Optional<String> publicUrl) {
    public VideoFrame {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(publicUrl, "publicUrl");
    }

    public static VideoFrame of(Path file) {
      return new VideoFrame(file, Optional.empty());
    }
  }

  /** Frame height classes, as the API names them ({@code 720p}). */
  public enum Resolution {
    P480(480),
    P720(720),
    P1080(1080);

    private final int lines;

    Resolution(int lines) {
      this.lines = lines;
    }

    /** The short side in pixels. */
    public int lines() {
      return lines;
    }

    /** {@code 720p} and the like. */
    public String label() {
      return lines + "p";
    }

    /** Parses {@code 720p}; refuses anything else with a field error. */
    public static Resolution parse(String label) {
      for (Resolution r : values()) {
        if (r.label().equalsIgnoreCase(Objects.requireNonNullElse(label, "").trim())) {
          return r;
        }
      }
      throw ReelForgeException.invalidField("resolution", "must be one of 480p, 720p, 1080p");
    }
  }

  /** Frame shapes, as the API names them ({@code 16:9}). */
  public enum Aspect {
    LANDSCAPE("16:9", 16, 9),
    PORTRAIT("9:16", 9, 16),
    SQUARE("1:1", 1, 1);

    private final String label;
    private final int across;
    private final int down;

    Aspect(String label, int across, int down) {
      this.label = label;
      this.across = across;
      this.down = down;
    }

    public String label() {
      return label;
    }

    int width(Resolution resolution) {
      return across >= down
          ? even(resolution.lines() * across / (double) down)
          : resolution.lines();
    }

    int height(Resolution resolution) {
      return down > across ? even(resolution.lines() * down / (double) across) : resolution.lines();
    }

    private static int even(double pixels) {
      return (int) Math.round(pixels / 2) * 2;
    }

    /** Parses {@code 16:9}, {@code 9:16} or {@code 1:1}; refuses anything else. */
    public static Aspect parse(String label, String field) {
      String wanted = Objects.requireNonNullElse(label, "").trim().toLowerCase(Locale.ROOT);
      for (Aspect a : values()) {
        if (a.label.equals(wanted)) {
          return a;
        }
      }
      throw ReelForgeException.invalidField(field, "must be one of 16:9, 9:16, 1:1");
    }
  }
}
