package dev.reelforge.core.timeline;

import java.util.Objects;
import java.util.Optional;

/**
 * Graphics drawn over the visuals.
 *
 * @param hook the hook title shown at the start (the line that stops the scroll)
 * @param watermark a logo kept in a corner for the whole video
 * @param brand the colours the hook title and captions are drawn in; without them the caption
 *     style's own colours and the white outlined title are used
 */
public record Overlays(
    Optional<HookTitle> hook, Optional<Watermark> watermark, Optional<BrandColours> brand) {

  public static final Overlays NONE = new Overlays(Optional.empty(), Optional.empty());

  public Overlays {
    hook = Objects.requireNonNullElse(hook, Optional.empty());
    watermark = Objects.requireNonNullElse(watermark, Optional.empty());
    brand = Objects.requireNonNullElse(brand, Optional.empty());
  }

  /** Overlays in the renderer's own colours. */
  public Overlays(Optional<HookTitle> hook, Optional<Watermark> watermark) {
    this(hook, watermark, Optional.empty());
  }

  /** These overlays drawn in {@code colours}. */
  public Overlays withBrand(BrandColours colours) {
    return new Overlays(hook, watermark, Optional.of(colours));
  }

  /** Text shown large at the top of the safe zone between two times. */
  public record HookTitle(String text, long startMillis, long endMillis) {
    public HookTitle {
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * A logo image in a corner.
   *
   * @param source the image file (PNG with transparency works best)
   * @param corner where it sits, inside the safe zone
   * @param opacity 0 (invisible) to 1
   * @param widthFraction its width as a fraction of the frame's width
   */
  public record Watermark(String source, Corner corner, double opacity, double widthFraction) {
    public Watermark {
      Objects.requireNonNull(source, "source");
      corner = Objects.requireNonNullElse(corner, Corner.TOP_RIGHT);
    }
  }

  /** The four corners. */
  public enum Corner {
    TOP_LEFT,
    TOP_RIGHT,
    BOTTOM_LEFT,
    BOTTOM_RIGHT
  }
}
