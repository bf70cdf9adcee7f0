package dev.reelforge.app.config;

import dev.reelforge.core.moderation.ModerationChoice;
import dev.reelforge.core.moderation.ModerationPolicy;
import dev.reelforge.core.moderation.RegionToggles;
import jakarta.annotation.PostConstruct;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The moderation gate's defaults ({@code reelforge.moderation.*}): the preset and regions of a run
 * that names none, and region toggles beyond the built-in ones. Checked at startup: an unknown
 * preset, region or toggle stops the application with the property to fix.
 */
@ConfigurationProperties("reelforge.moderation")
public class ModerationSettings {

  /** The preset of a run that names none: default or kids. */
  private String preset = ModerationPolicy.DEFAULT_PRESET;

  /** Region toggles every run gets unless it names its own, e.g. de. */
  private List<String> regions = new ArrayList<>();

  /**
   * Extra or replaced region toggles: name → CATEGORY:SEVERITY[,...], e.g. {@code us: SEXUAL:LOW}.
   * Built in: de, at and fr hold HATE at LOW.
   */
  private Map<String, String> regionToggles = new LinkedHashMap<>();

  @PostConstruct
  void validate() {
    try {
      defaultChoice().policy(toggles());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "reelforge.moderation: " + e.getMessage() + " (set reelforge.moderation.preset/regions)",
          e);
    }
  }

  public RegionToggles toggles() {
    return RegionToggles.builtInAnd(regionToggles);
  }

  public ModerationChoice defaultChoice() {
    return new ModerationChoice(preset, regions);
  }

  public String getPreset() {
    return preset;
  }

  public void setPreset(String preset) {
    this.preset = preset;
  }

  public List<String> getRegions() {
    return regions;
  }

  public void setRegions(List<String> regions) {
    this.regions = regions;
  }

  public Map<String, String> getRegionToggles() {
    return regionToggles;
  }

  public void setRegionToggles(Map<String, String> regionToggles) {
    this.regionToggles = regionToggles;
  }
}
