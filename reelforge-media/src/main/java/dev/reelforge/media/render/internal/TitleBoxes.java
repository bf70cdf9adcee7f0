package dev.reelforge.media.render.internal;

import dev.reelforge.core.render.SafeZone;
import dev.reelforge.media.captions.TitleFitter;

/**
 * The boxes titles are fitted into, per canvas: the video's hook at the top of the safe zone, kept
 * clear of the captions below it, and the thumbnail's larger title (a thumbnail is seen small). The
 * sizes are fractions of the frame's shorter side, so every shape gets the same type scale.
 */
public final class TitleBoxes {

  /** The hook's largest size, as a fraction of the shorter side. */
  static final double HOOK_LARGEST = 0.12;

  /** The hook's smallest size: still readable on a phone held at arm's length. */
  static final double HOOK_SMALLEST = 0.065;

  static final double THUMBNAIL_LARGEST = 0.15;

  static final double THUMBNAIL_SMALLEST = 0.065;

  private TitleBoxes() {}

  /** The hook's box: the safe zone's width, and at most a quarter of the frame's height or so. */
  public static TitleFitter.Box hook(Canvas canvas) {
    int shorter = Math.min(canvas.width(), canvas.height());
    double heightShare = vertical(canvas) ? 0.24 : square(canvas) ? 0.28 : 0.30;
    return new TitleFitter.Box(
        canvas.safeZone().width(canvas.width()),
        canvas.height() * heightShare,
        (float) (shorter * HOOK_LARGEST),
        (float) (shorter * HOOK_SMALLEST));
  }

  /**
   * The hook's box when it is set on a panel ({@link #hookPadding}): narrower and shorter by the
   * panel's padding, so that the panel takes no more room than an outlined hook.
   */
  public static TitleFitter.Box backedHook(Canvas canvas) {
    TitleFitter.Box box = hook(canvas);
    int pad = hookPadding(canvas);
    return new TitleFitter.Box(
        box.maxWidth() - 2 * pad, box.maxHeight() - pad, box.largest(), box.smallest());
  }

  /** The room between a hook's panel and its letters. */
  public static int hookPadding(Canvas canvas) {
    return Math.round(Math.min(canvas.width(), canvas.height()) * 0.03f);
  }

  /** Where the top of the hook's box sits: just inside the safe zone's top. */
  public static int hookTop(Canvas canvas) {
    return canvas.safeZone().top() + canvas.height() / 60;
  }

  /** The thumbnail title's box: larger type, and up to about two fifths of the height. */
  public static TitleFitter.Box thumbnail(Canvas canvas) {
    int shorter = Math.min(canvas.width(), canvas.height());
    double heightShare = vertical(canvas) ? 0.34 : square(canvas) ? 0.42 : 0.48;
    SafeZone zone = canvas.safeZone();
    return new TitleFitter.Box(
        zone.width(canvas.width()),
        Math.min(canvas.height() * heightShare, zone.height(canvas.height())),
        (float) (shorter * THUMBNAIL_LARGEST),
        (float) (shorter * THUMBNAIL_SMALLEST));
  }

  private static boolean vertical(Canvas canvas) {
    return canvas.height() > canvas.width();
  }

  private static boolean square(Canvas canvas) {
    return canvas.height() == canvas.width();
  }
}
