package dev.reelforge.brand;

import dev.reelforge.core.licence.EvidenceStore;
import dev.reelforge.core.moderation.ImageModerator;
import dev.reelforge.core.moderation.ModerationChoice;
import dev.reelforge.core.moderation.ModerationResult;
import dev.reelforge.core.moderation.Moderator;
import dev.reelforge.core.moderation.RegionToggles;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the storyboard's moderation gate needs: the text moderator, the image moderator when one is
 * configured (absent: previews are reported unchecked), the policy (preset and regions, resolved
 * against the region toggles when the gate runs) and where each run's licence evidence is kept.
 *
 * @param text judges every scene's prompt and caption
 * @param images judges every scene's preview
 * @param choice the preset and regions ({@code reelforge.moderation.*})
 * @param regions the region toggles the choice may name
 * @param evidence the licensing evidence store
 */
public record BrandModeration(
    Moderator text,
    Optional<ImageModerator> images,
    ModerationChoice choice,
    RegionToggles regions,
    EvidenceStore evidence) {

  /** Stands in when no text moderator is configured: says so rather than pass silently. */
  public static final Moderator UNMODERATED =
      new Moderator() {
        @Override
        public String name() {
          return "none";
        }

        @Override
        public ModerationResult moderate(String text) {
          return new ModerationResult(
              List.of(), "none", List.of("texts not checked: no moderator is configured"));
        }
      };

  public BrandModeration {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(images, "images");
    Objects.requireNonNull(choice, "choice");
    Objects.requireNonNull(regions, "regions");
    Objects.requireNonNull(evidence, "evidence");
  }
}
