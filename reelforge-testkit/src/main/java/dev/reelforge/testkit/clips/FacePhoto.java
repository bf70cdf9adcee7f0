package dev.reelforge.testkit.clips;

import dev.reelforge.core.vision.FaceBox;
import dev.reelforge.core.vision.GrayFrame;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * The public-domain portrait the clips fixtures are built from (see {@code clips/README.md}), and
 * where its face is.
 */
public final class FacePhoto {

  /** The photo's size in pixels (it is square). */
  public static final int SIZE = 360;

  /**
   * The face in the photo, in pixels: found by OpenCV's Haar frontal-face cascade on the 360x360
   * picture and checked by eye (eyebrows to chin).
   */
  public static final Rectangle FACE_PIXELS = new Rectangle(123, 45, 70, 70);

  /** The centre of the mouth, in pixels. */
  public static final Point MOUTH_PIXELS = new Point(161, 104);

  /** The face as fractions of the photo. */
  public static final FaceBox FACE =
      new FaceBox(
          (double) FACE_PIXELS.x / SIZE,
          (double) FACE_PIXELS.y / SIZE,
          (double) FACE_PIXELS.width / SIZE,
          (double) FACE_PIXELS.height / SIZE,
          1);

  private static BufferedImage astronaut;

  private FacePhoto() {}

  /** The 360x360 colour portrait (a shared instance: do not draw on it). */
  public static synchronized BufferedImage astronaut() {
    if (astronaut == null) {
      try (InputStream in = FacePhoto.class.getResourceAsStream("astronaut.jpg")) {
        astronaut = ImageIO.read(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return astronaut;
  }

  /** A picture as the luma frames detectors read (BT.601 weights, as FFmpeg's {@code gray}). */
  public static GrayFrame gray(BufferedImage image, long timeMillis) {
    int w = image.getWidth();
    int h = image.getHeight();
    byte[] pixels = new byte[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int rgb = image.getRGB(x, y);
        int luma =
            (299 * ((rgb >> 16) & 0xff) + 587 * ((rgb >> 8) & 0xff) + 114 * (rgb & 0xff)) / 1000;
        pixels[y * w + x] = (byte) luma;
      }
    }
    return new GrayFrame(timeMillis, w, h, pixels);
  }
}
