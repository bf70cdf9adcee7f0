package dev.reelforge.media.procedural;

/** The kinds of designed background ReelForge paints when no footage fits. */
public enum DesignStyle {
  /** A diagonal gradient with large soft shapes drifting over it. */
  GRADIENT_SHAPES,
  /** Thousands of strokes following a smooth noise field: reads as slow motion under Ken Burns. */
  FLOW_FIELD,
  /** The beat's keyword set large on a gradient with geometric accents: a title card. */
  TYPOGRAPHY_CARD,
  /** Rotated geometric tiles in the palette's colours, fading across the frame. */
  GEOMETRIC
}
