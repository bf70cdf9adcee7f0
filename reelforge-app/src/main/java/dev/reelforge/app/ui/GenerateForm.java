package dev.reelforge.app.ui;

import dev.reelforge.app.media.MediaRequests;
import dev.reelforge.app.media.OwnMediaJobs;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.mediagen.MediaJobs;

/**
 * The Generate form as posted: every field as typed (numbers too, so that a word in a number box is
 * a field error on the form, not a failed binding), turned into the media API's request records.
 * The API's field names in refusals are mapped back onto the form's with {@link #fieldOf}.
 *
 * @param kind {@code image} or {@code video}
 * @param startImage one of the user's image job ids, for a clip's first frame
 * @param startLink a link to a picture instead; wins over {@code startImage} when given
 * @param videoAspect a clip's shape (a picture's is {@code aspectRatio}: they offer other shapes)
 */
public record GenerateForm(
    String kind,
    String prompt,
    String aspectRatio,
    String quality,
    String seed,
    String startImage,
    String startLink,
    String endImage,
    String endLink,
    String durationS,
    String resolution,
    String videoAspect,
    String engine) {

  static GenerateForm defaults(String engine) {
    return new GenerateForm(
        MediaJobs.IMAGE,
        "",
        "1:1",
        "standard",
        "",
        "",
        "",
        "",
        "",
        String.valueOf(OwnMediaJobs.DEFAULT_DURATION_S),
        OwnMediaJobs.DEFAULT_RESOLUTION,
        OwnMediaJobs.DEFAULT_ASPECT,
        engine);
  }

  /** A clip from the picture of image job {@code jobId}. */
  GenerateForm startingFrom(String jobId) {
    return new GenerateForm(
        MediaJobs.VIDEO,
        prompt,
        aspectRatio,
        quality,
        seed,
        jobId,
        "",
        endImage,
        endLink,
        durationS,
        resolution,
        videoAspect,
        engine);
  }

  /** The same kind and prompt again, for another try. */
  GenerateForm again(String jobKind, String jobPrompt) {
    return new GenerateForm(
        jobKind,
        jobPrompt,
        aspectRatio,
        quality,
        seed,
        startImage,
        startLink,
        endImage,
        endLink,
        durationS,
        resolution,
        videoAspect,
        engine);
  }

  public boolean isVideo() {
    String chosen = kind == null || kind.isBlank() ? MediaJobs.IMAGE : kind.strip();
    if (!chosen.equals(MediaJobs.IMAGE) && !chosen.equals(MediaJobs.VIDEO)) {
      throw ReelForgeException.invalidField("kind", "choose a picture or a clip");
    }
    return chosen.equals(MediaJobs.VIDEO);
  }

  MediaRequests.Image image() {
    return new MediaRequests.Image(prompt, null, blankToNull(aspectRatio), seedOf(), quality);
  }

  MediaRequests.Video video() {
    return new MediaRequests.Video(
        either(startLink, startImage),
        either(endLink, endImage),
        prompt,
        durationOf(),
        null,
        blankToNull(resolution),
        blankToNull(videoAspect),
        seedOf(),
        engine);
  }

  /** The form field a refusal of the API's {@code field} belongs next to. */
  String fieldOf(String field) {
    return switch (field) {
      case "video_prompt", "negative_prompt" -> "prompt";
      case "aspect_ratio" -> isVideoSafely() ? "videoAspect" : "aspectRatio";
      case "start_image_url" -> "startImage";
      case "end_image_url" -> "endImage";
      case "duration_s", "fps" -> "durationS";
      default -> field;
    };
  }

  private boolean isVideoSafely() {
    return MediaJobs.VIDEO.equals(kind);
  }

  private Long seedOf() {
    if (seed == null || seed.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(seed.strip());
    } catch (NumberFormatException e) {
      throw ReelForgeException.invalidField(
          "seed", "must be a whole number from 0 to " + OwnMediaJobs.MAX_SEED + ", or empty");
    }
  }

  private Integer durationOf() {
    if (durationS == null || durationS.isBlank()) {
      return null;
    }
    try {
      return Integer.parseInt(durationS.strip());
    } catch (NumberFormatException e) {
      throw ReelForgeException.invalidField("duration_s", "must be a whole number of seconds");
    }
  }

  private static String either(String first, String second) {
    String chosen = blankToNull(first);
    return chosen != null ? chosen : blankToNull(second);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
