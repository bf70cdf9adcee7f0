package dev.reelforge.core.moderation;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Named sets of extra holds, one per region whose law or platform rules are stricter than the
 * preset: e.g. {@code de} holds hate speech already at LOW (Germany's NetzDG and §130 StGB). Each
 * set is written {@code CATEGORY:SEVERITY[,CATEGORY:SEVERITY...]}, as in configuration.
 */
public final class RegionToggles {

  /** The toggles that ship: Germany and Austria hold hate at LOW; France too. */
  public static final Map<String, String> BUILT_IN =
      Map.of("de", "HATE:LOW", "at", "HATE:LOW", "fr", "HATE:LOW");

  private final Map<String, Map<ModerationCategory, Severity>> regions;

  private RegionToggles(Map<String, Map<ModerationCategory, Severity>> regions) {
    this.regions = regions;
  }

  /** The built-in toggles. */
  public static RegionToggles builtIn() {
    return parse(BUILT_IN);
  }

  /**
   * Toggles from configuration: region name → {@code CATEGORY:SEVERITY,...}.
   *
   * @throws IllegalArgumentException naming the region and the bad entry
   */
  public static RegionToggles parse(Map<String, String> specs) {
    Map<String, Map<ModerationCategory, Severity>> parsed = new LinkedHashMap<>();
    specs.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> {
              EnumMap<ModerationCategory, Severity> holds = new EnumMap<>(ModerationCategory.class);
              for (String part : e.getValue().split(",")) {
                if (part.isBlank()) {
                  continue;
                }
                String[] pair = part.strip().split(":");
                try {
                  holds.put(
                      ModerationCategory.valueOf(pair[0].strip().toUpperCase(Locale.ROOT)),
                      Severity.valueOf(pair[1].strip().toUpperCase(Locale.ROOT)));
                } catch (RuntimeException bad) {
                  throw new IllegalArgumentException(
                      "moderation region '"
                          + e.getKey()
                          + "': '"
                          + part.strip()
                          + "' is not CATEGORY:SEVERITY (e.g. HATE:LOW)");
                }
              }
              parsed.put(e.getKey().strip().toLowerCase(Locale.ROOT), Map.copyOf(holds));
            });
    return new RegionToggles(Map.copyOf(parsed));
  }

  /** The built-in toggles with {@code specs} added or replacing them by name. */
  public static RegionToggles builtInAnd(Map<String, String> specs) {
    Map<String, String> all = new LinkedHashMap<>(BUILT_IN);
    specs.forEach((k, v) -> all.put(k.strip().toLowerCase(Locale.ROOT), v));
    return parse(all);
  }

  public Optional<Map<ModerationCategory, Severity>> holds(String region) {
    return Optional.ofNullable(regions.get(region.strip().toLowerCase(Locale.ROOT)));
  }

  public List<String> names() {
    return regions.keySet().stream().sorted().toList();
  }
}
