package dev.reelforge.core.brand;

import java.util.Locale;

/** A vision job's status (seed 001 §3 {@code vision_jobs.status}). */
public enum VisionStatus {
  PENDING,
  ANALYZING,
  COMPLETED,
  FLAGGED,
  FAILED;

  /** The name the API and the database use, e.g. {@code analyzing}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static VisionStatus fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }

  /** Whether analysis is over, well or not. */
  public boolean finished() {
    return this == COMPLETED || this == FLAGGED || this == FAILED;
  }
}
