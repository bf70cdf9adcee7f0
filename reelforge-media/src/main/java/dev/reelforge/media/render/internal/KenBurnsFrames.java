package dev.reelforge.media.render.internal;

import dev.reelforge.core.timeline.Motion;
import dev.reelforge.media.frames.Window;
import dev.reelforge.media.frames.YuvPicture;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Draws Ken Burns frames in Java and writes them as raw YUV 4:2:0 for FFmpeg to encode.
 *
 * <p>Why not an FFmpeg filter: {@code zoompan} moves in whole pixels (visible jitter on slow
 * moves), and {@code perspective}, which samples at fractional positions, costs about twice the
 * encoder's own CPU time per 1080×1920 frame. A pan/zoom has no rotation, so each frame is a
 * separable bilinear resampling of a window of the still ({@link YuvPicture}, shared with the
 * offline video engine). The still is prepared larger than the frame (by the motion's largest zoom,
 * up to 2×), so a zoom-in shows real detail instead of magnified pixels.
 */
public final class KenBurnsFrames {

  private final YuvPicture still;
  private final int width;
  private final int height;
  private final Motion motion;
  private final int frames;

  /**
   * @param still the prepared still, at the frame's aspect ratio and {@code scale} times its size
   */
  public KenBurnsFrames(BufferedImage still, int width, int height, Motion motion, int frames) {
    this.still = YuvPicture.fromRgb(still);
    this.width = width;
    this.height = height;
    this.motion = motion;
    this.frames = frames;
  }

  /** How much larger than the frame the still should be prepared for this motion. */
  public static double preparedScale(Motion motion) {
    return Math.min(2.0, Math.max(motion.startZoom(), motion.endZoom()));
  }

  /** Writes every frame, in order. */
  public void write(OutputStream out) throws IOException {
    byte[] frame = new byte[YuvPicture.frameBytes(width, height)];
    Window start =
        Window.framing(
            motion.startZoom(),
            motion.startCenterX(),
            motion.startCenterY(),
            still.width(),
            still.height());
    Window end =
        Window.framing(
            motion.endZoom(),
            motion.endCenterX(),
            motion.endCenterY(),
            still.width(),
            still.height());
    for (int n = 0; n < frames; n++) {
      double p = frames == 1 ? 0 : (double) n / (frames - 1);
      still.draw(start.towards(end, p), width, height, frame);
      out.write(frame);
    }
  }
}
