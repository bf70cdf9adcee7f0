package dev.reelforge.clips;

/**
 * How the reframer turns a landscape picture into a vertical one.
 *
 * @param targetAspect the output's width over its height (9/16 for shorts)
 * @param safeZone the middle share of the crop's width the subject's centre may wander in before
 *     the crop moves (0.6: the middle 60 %); a wide zone keeps the crop still, which viewers prefer
 *     to a crop that follows every nod
 * @param minHoldMillis the shortest time the crop stays on one speaker before it may switch to
 *     another, so that a quick "yeah" from the listener does not cut away
 * @param smoothingMillis the window over which the subject's position is smoothed (a median, which
 *     ignores a stray detection) and mouth motion is averaged
 * @param minFaceShare the share of a scene's analysed frames that must hold a face for the scene to
 *     be cropped; below it the scene is shown whole over a blurred copy
 * @param maxPanPerSecond how fast the crop may move, in source widths per second
 */
public record ReframeOptions(
    double targetAspect,
    double safeZone,
    long minHoldMillis,
    long smoothingMillis,
    double minFaceShare,
    double maxPanPerSecond) {

  /** 9:16, the middle 60 %, 2 s hold, 1 s smoothing, faces in 40 % of frames, 0.15 widths/s. */
  public static final ReframeOptions DEFAULT =
      new ReframeOptions(9 / 16.0, 0.6, 2_000, 1_000, 0.4, 0.15);

  public ReframeOptions {
    if (!(targetAspect > 0) || Double.isInfinite(targetAspect)) {
      throw new IllegalArgumentException("targetAspect must be positive, was " + targetAspect);
    }
    if (!(safeZone > 0 && safeZone <= 1)) {
      throw new IllegalArgumentException("safeZone is a fraction in (0,1], was " + safeZone);
    }
    if (minHoldMillis < 0) {
      throw new IllegalArgumentException(
          "minHoldMillis must not be negative, was " + minHoldMillis);
    }
    if (smoothingMillis < 0) {
      throw new IllegalArgumentException(
          "smoothingMillis must not be negative, was " + smoothingMillis);
    }
    if (!(minFaceShare >= 0 && minFaceShare <= 1)) {
      throw new IllegalArgumentException(
          "minFaceShare is a fraction in [0,1], was " + minFaceShare);
    }
    if (!(maxPanPerSecond > 0) || Double.isInfinite(maxPanPerSecond)) {
      throw new IllegalArgumentException(
          "maxPanPerSecond must be positive, was " + maxPanPerSecond);
    }
  }

  /**
   * The crop's width as a fraction of the source's width: the full height kept, the width cut to
   * the target aspect; 1 when the source is already as narrow as the target (nothing to cut).
   */
  public double cropWidth(int sourceWidth, int sourceHeight) {
    if (sourceWidth <= 0 || sourceHeight <= 0) {
      throw new IllegalArgumentException(
          "a source has a size: " + sourceWidth + "x" + sourceHeight);
    }
    return Math.min(1, sourceHeight * targetAspect / sourceWidth);
  }
}
