package dev.reelforge.core.brand;

import java.util.Locale;

/**
 * A storyboard's workflow state (seed 001 §4 "Financial Firewall"); the allowed moves are the brand
 * module's transition table ({@code brand.StoryboardTransitions}).
 */
public enum DirectorStatus {
  SCRIPTING,
  PREVIEW_GENERATION,
  REVIEW,
  RENDERING,
  COMPLETED,
  FAILED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static DirectorStatus fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
