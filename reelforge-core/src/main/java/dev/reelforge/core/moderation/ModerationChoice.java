package dev.reelforge.core.moderation;

import java.util.List;

/**
 * What a run asks of the moderation gate: a preset and region toggles, by name, resolved into a
 * {@link ModerationPolicy} when the gate runs (so that a run started before a region's toggles
 * changed is judged by the toggles of the day it is checked).
 *
 * @param preset {@code default} or {@code kids}
 * @param regions region toggles, e.g. {@code de}
 */
public record ModerationChoice(String preset, List<String> regions) {

  public static final ModerationChoice DEFAULT =
      new ModerationChoice(ModerationPolicy.DEFAULT_PRESET, List.of());

  public ModerationChoice {
    preset = preset == null || preset.isBlank() ? ModerationPolicy.DEFAULT_PRESET : preset.strip();
    regions = regions == null ? List.of() : List.copyOf(regions);
  }

  public ModerationPolicy policy(RegionToggles toggles) {
    return ModerationPolicy.of(preset, regions, toggles);
  }
}
