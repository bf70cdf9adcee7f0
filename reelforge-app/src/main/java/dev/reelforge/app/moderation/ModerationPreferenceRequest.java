package dev.reelforge.app.moderation;

import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of {@code PUT /api/me/moderation} and its admin twin: a preset and region toggles by
 * name. The names are checked against the configuration by {@link ModerationChoices#checked}.
 */
record ModerationPreferenceRequest(
    @Size(max = 40) String preset, @Size(max = MAX_REGIONS) List<String> regions) {

  /** More regions than any configuration names is a mistake, not a choice. */
  static final int MAX_REGIONS = 50;
}
