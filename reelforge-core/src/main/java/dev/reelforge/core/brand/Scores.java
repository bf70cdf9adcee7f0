package dev.reelforge.core.brand;

/**
 * Seed 001's four scores, each in [0, 1]: {@code physics} (motion and material dynamics an engine
 * must simulate), {@code vibe} (aesthetic mood to transfer), {@code logic} (text and structure to
 * keep legible) and {@code integrity} (whether the upload is fit to build on at all).
 */
public record Scores(double physics, double vibe, double logic, double integrity) {

  /** Below this integrity a vision job is flagged for review (seed 001 §1). */
  public static final double INTEGRITY_FLOOR = 0.4;

  public Scores {
    physics = unit("physics_score", physics);
    vibe = unit("vibe_score", vibe);
    logic = unit("logic_score", logic);
    integrity = unit("integrity_score", integrity);
  }

  /** Whether integrity is below {@link #INTEGRITY_FLOOR}. */
  public boolean belowIntegrityFloor() {
    return integrity < INTEGRITY_FLOOR;
  }

  /** Rounds to seed 001's DECIMAL(3,2). */
  public static double round2(double value) {
    return Math.round(value * 100) / 100.0;
  }

  static double unit(String name, double value) {
    if (Double.isNaN(value) || value < 0 || value > 1) {
      throw new IllegalArgumentException(name + " must be within [0, 1], was " + value);
    }
    return value;
  }
}
