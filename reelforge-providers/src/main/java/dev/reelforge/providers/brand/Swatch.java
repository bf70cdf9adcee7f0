package dev.reelforge.providers.brand;

import dev.reelforge.core.brand.BrandAnalysis.PaletteColour;
import dev.reelforge.core.brand.BrandAnalysis.Role;

/** A palette colour with its Lab value kept, for naming and harmony. */
record Swatch(String hex, Lab lab, double share, Role role) {

  PaletteColour toPaletteColour() {
    return new PaletteColour(hex, Math.min(1, Math.max(0, share)), role);
  }

  boolean subject() {
    return role == Role.SUBJECT;
  }
}
