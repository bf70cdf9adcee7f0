package dev.reelforge.app.media;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The request bodies of the media routes, in seed 004's field names. Their values are checked by
 * the feature's job inputs ({@code ImageJobInput}, {@code VideoJobInput}), which name these fields
 * in their refusals. The dashboard's Generate form fills the same records, so its refusals name the
 * same fields.
 */
public final class MediaRequests {

  private MediaRequests() {}

  /** {@code POST /images/generate} and seed 000's {@code POST /api/generate}. */
  public record Image(
      String prompt,
      @JsonProperty("negative_prompt") String negativePrompt,
      @JsonProperty("aspect_ratio") String aspectRatio,
      Long seed,
      String quality) {}

  /** {@code POST /video/generate}. */
  public record Video(
      @JsonProperty("start_image_url") String startImageUrl,
      @JsonProperty("end_image_url") String endImageUrl,
      @JsonProperty("video_prompt") String videoPrompt,
      @JsonProperty("duration_s") Integer durationS,
      Integer fps,
      String resolution,
      @JsonProperty("aspect_ratio") String aspectRatio,
      Long seed,
      String engine) {}
}
