package dev.reelforge.story;

import dev.reelforge.core.licence.EvidenceStore;
import dev.reelforge.core.licence.LicenceEvidence;
import dev.reelforge.core.moderation.ModerationChoice;
import dev.reelforge.core.moderation.RegionToggles;
import dev.reelforge.core.moderation.gate.FrameSampler;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What the story pipeline's moderation gate needs besides the providers: where each run's licence
 * evidence is kept, the configured region toggles and default preset, and how to take frames of a
 * clip (absent: clip frames are reported unchecked).
 *
 * @param evidence the licensing evidence store
 * @param regions the region toggles a run may name
 * @param defaultChoice the preset and regions of a run that names none ({@code
 *     reelforge.moderation.*})
 * @param frames the clip frame sampler, when there is one
 */
public record StoryModeration(
    EvidenceStore evidence,
    RegionToggles regions,
    ModerationChoice defaultChoice,
    Optional<FrameSampler> frames) {

  public StoryModeration {
    Objects.requireNonNull(evidence, "evidence");
    Objects.requireNonNull(regions, "regions");
    Objects.requireNonNull(defaultChoice, "defaultChoice");
    Objects.requireNonNull(frames, "frames");
  }

  /**
   * The default preset and built-in regions, evidence kept nowhere but in the story's folder
   * ({@code licence-evidence.json}, which every run writes), no frame sampler: for the {@code make}
   * command and tests that build the pipeline without an application.
   */
  public static StoryModeration standalone() {
    return new StoryModeration(
        new EvidenceStore() {
          @Override
          public void record(UUID runId, List<LicenceEvidence> evidence) {}

          @Override
          public List<LicenceEvidence> forRun(UUID runId) {
            return List.of();
          }
        },
        RegionToggles.builtIn(),
        ModerationChoice.DEFAULT,
        Optional.empty());
  }
}
