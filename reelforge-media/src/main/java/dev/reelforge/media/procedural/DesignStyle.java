package dev.reelforge.media.procedural;

/** The kinds of designed picture ReelForge paints when no footage fits. */
public enum DesignStyle {
  /** A diagonal gradient with large soft shapes drifting over it. */
  GRADIENT_SHAPES,
  /** Thousands of strokes following a smooth noise field: reads as slow motion under Ken Burns. */
  FLOW_FIELD,
  /** The beat's key phrase, in its own words, large on a gradient with accents: a title card. */
  TYPOGRAPHY_CARD,
  /** Rotated geometric tiles in the palette's colours, fading across the frame. */
  GEOMETRIC,
  /**
   * The icons that match the beat's words, composed: the leading one large on a halo, up to two
   * more beside it, a faint pattern of the leading one behind, over the palette's gradient.
   */
  ILLUSTRATION;

  /** The styles that show nothing of the beat: what a beat gets when no icon matches its words. */
  static final java.util.List<DesignStyle> ABSTRACT =
      java.util.List.of(GRADIENT_SHAPES, FLOW_FIELD, GEOMETRIC);
}
