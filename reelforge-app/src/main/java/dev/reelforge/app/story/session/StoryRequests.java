package dev.reelforge.app.story.session;

import dev.reelforge.story.session.StorySessions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The request bodies of the story routes, validated at the edge (seed 000's zod schemas). */
final class StoryRequests {

  private StoryRequests() {}

  record Start(
      @NotBlank
          @Size(max = StorySessions.MAX_INPUT_CHARS, message = "must be 1 to {max} characters")
          String input,
      @Pattern(regexp = "link|idea|paragraph", message = "must be link, idea or paragraph")
          String inputType,
      @Pattern(regexp = "default|hype|cozy", message = "must be default, hype or cozy")
          String styleKey) {}

  record Session(@NotBlank @Size(min = 3, max = 100) String sessionId) {}

  record Generate(
      @NotBlank @Size(min = 3, max = 100) String sessionId,
      @Size(min = 1, max = 2000, message = "must be {min} to {max} characters") String input,
      @Pattern(regexp = "link|idea|paragraph", message = "must be link, idea or paragraph")
          String inputType) {}

  record UpdateScript(
      @NotBlank @Size(min = 3, max = 100) String sessionId,
      @NotEmpty List<@NotBlank String> sentences) {}

  record SearchShot(
      @NotBlank @Size(min = 3, max = 100) String sessionId,
      @NotNull @Min(0) Integer sentenceIndex,
      @Size(max = 200) String query,
      @Min(1) @Max(20) Integer page) {}

  record UpdateShot(
      @NotBlank @Size(min = 3, max = 100) String sessionId,
      @NotNull @Min(0) Integer sentenceIndex,
      @NotBlank @Size(max = 300) String clipId) {}

  record InsertBeat(
      @NotBlank @Size(min = 3, max = 100) String sessionId,
      @NotNull @Min(-1) Integer insertAfterIndex,
      @NotBlank String text) {}

  record DeleteBeat(
      @NotBlank @Size(min = 3, max = 100) String sessionId,
      @NotNull @Min(0) Integer sentenceIndex) {}

  record UpdateBeatText(
      @NotBlank @Size(min = 3, max = 100) String sessionId,
      @NotNull @Min(0) Integer sentenceIndex,
      @NotBlank String text) {}

  record Finalize(
      @NotBlank @Size(min = 3, max = 100) String sessionId,
      @Size(max = 5) List<@NotBlank String> formats,
      @Valid Moderation moderation) {}

  /**
   * The moderation gate's preset and region toggles for one run (the configured default when
   * absent).
   */
  record Moderation(
      @Size(max = 20) String preset,
      @Size(max = 10) List<@NotBlank @Size(max = 20) String> regions) {}

  record Manual(@NotBlank String scriptText) {}

  /** Seed 000's studio finalize: {@code studioId} is accepted for {@code sessionId}. */
  record StudioFinalize(
      String sessionId, String studioId, @Size(max = 5) List<@NotBlank String> formats) {

    String session() {
      return sessionId != null && !sessionId.isBlank() ? sessionId : studioId;
    }
  }

  record TtsPreview(@NotBlank String text, @Size(max = 100) String voice) {}

  record CaptionPreview(
      @NotBlank String text,
      @Size(max = 40) String style,
      @Size(max = 20) String format,
      @Min(-1) @Max(200) Integer activeWord) {}
}
