package dev.reelforge.core.moderation;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which severity of which category holds a run for review: for each category the lowest severity
 * that holds (a category missing from the map holds nothing). Presets: {@link #DEFAULT} holds
 * anything HIGH, and MEDIUM hate, sexual content and self-harm; {@link #KIDS} holds anything LOW
 * and up, except spam, which holds at MEDIUM. Region toggles ({@link RegionToggles}) add holds;
 * {@link #with} combines policies by keeping the stricter threshold of each category.
 *
 * @param name what the policy is called in findings and manifests, e.g. {@code kids+de}
 * @param thresholds per category, the lowest severity that holds
 */
public record ModerationPolicy(String name, Map<ModerationCategory, Severity> thresholds) {

  public static final String DEFAULT_PRESET = "default";
  public static final String KIDS_PRESET = "kids";

  /** HIGH of anything; MEDIUM of hate, sexual content and self-harm. */
  public static final ModerationPolicy DEFAULT = preset(DEFAULT_PRESET, defaults());

  /** Anything LOW and up, except spam at MEDIUM: a channel for children shows nothing doubtful. */
  public static final ModerationPolicy KIDS = preset(KIDS_PRESET, kids());

  public ModerationPolicy {
    Objects.requireNonNull(name, "name");
    EnumMap<ModerationCategory, Severity> copy = new EnumMap<>(ModerationCategory.class);
    copy.putAll(thresholds);
    thresholds = java.util.Collections.unmodifiableMap(copy);
  }

  /** The preset called {@code name} ({@code default} or {@code kids}, any case). */
  public static Optional<ModerationPolicy> preset(String name) {
    if (name == null) {
      return Optional.empty();
    }
    return switch (name.strip().toLowerCase(Locale.ROOT)) {
      case DEFAULT_PRESET -> Optional.of(DEFAULT);
      case KIDS_PRESET -> Optional.of(KIDS);
      default -> Optional.empty();
    };
  }

  /** The names of the presets, for validation messages. */
  public static List<String> presetNames() {
    return List.of(DEFAULT_PRESET, KIDS_PRESET);
  }

  /** Whether a flag of {@code category} at {@code severity} holds the run. */
  public boolean holds(ModerationCategory category, Severity severity) {
    Severity threshold = thresholds.get(category);
    return threshold != null && severity.compareTo(threshold) >= 0;
  }

  public boolean holds(ModerationFlag flag) {
    return holds(flag.category(), flag.severity());
  }

  /**
   * This policy and {@code extra} together: for each category, the lower (stricter) threshold.
   *
   * @param label the added part's name, appended to this one's with {@code +}
   */
  public ModerationPolicy with(String label, Map<ModerationCategory, Severity> extra) {
    EnumMap<ModerationCategory, Severity> merged = new EnumMap<>(ModerationCategory.class);
    merged.putAll(thresholds);
    extra.forEach(
        (category, severity) ->
            merged.merge(category, severity, (a, b) -> a.compareTo(b) <= 0 ? a : b));
    return new ModerationPolicy(name + "+" + label, merged);
  }

  /**
   * The preset {@code preset} with the toggles of {@code regions} added.
   *
   * @throws IllegalArgumentException naming the unknown preset or region
   */
  public static ModerationPolicy of(
      String preset, Collection<String> regions, RegionToggles toggles) {
    ModerationPolicy policy =
        preset(preset == null || preset.isBlank() ? DEFAULT_PRESET : preset)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "unknown moderation preset '"
                            + preset
                            + "': one of "
                            + String.join(", ", presetNames())));
    for (String region : regions) {
      String key = region.strip().toLowerCase(Locale.ROOT);
      Map<ModerationCategory, Severity> extra =
          toggles
              .holds(key)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "unknown moderation region '"
                              + region
                              + "': one of "
                              + String.join(", ", toggles.names())));
      policy = policy.with(key, extra);
    }
    return policy;
  }

  private static ModerationPolicy preset(String name, Map<ModerationCategory, Severity> holds) {
    return new ModerationPolicy(name, holds);
  }

  private static Map<ModerationCategory, Severity> defaults() {
    EnumMap<ModerationCategory, Severity> holds = new EnumMap<>(ModerationCategory.class);
    for (ModerationCategory category : ModerationCategory.values()) {
      holds.put(category, Severity.HIGH);
    }
    holds.put(ModerationCategory.HATE, Severity.MEDIUM);
    holds.put(ModerationCategory.SEXUAL, Severity.MEDIUM);
    holds.put(ModerationCategory.SELF_HARM, Severity.MEDIUM);
    return holds;
  }

  private static Map<ModerationCategory, Severity> kids() {
    EnumMap<ModerationCategory, Severity> holds = new EnumMap<>(ModerationCategory.class);
    for (ModerationCategory category : ModerationCategory.values()) {
      holds.put(category, Severity.LOW);
    }
    holds.put(ModerationCategory.SPAM, Severity.MEDIUM);
    return holds;
  }
}
