package dev.reelforge.mediagen;

import dev.reelforge.core.cost.Prices;
import java.math.BigDecimal;

/** Cost estimates of seed 004 §8, shown with each job before and after it runs. */
public final class MediaCosts {

  private MediaCosts() {}

  /** One generated picture. */
  public static BigDecimal image() {
    return Prices.IMAGE_EACH;
  }

  /** A clip of {@code seconds}. */
  public static BigDecimal video(double seconds) {
    return Prices.VIDEO_PER_SECOND.multiply(BigDecimal.valueOf(seconds));
  }
}
