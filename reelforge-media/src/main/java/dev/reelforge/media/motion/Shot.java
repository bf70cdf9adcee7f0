package dev.reelforge.media.motion;

import dev.reelforge.media.frames.SamplePlane;
import dev.reelforge.media.frames.Window;
import dev.reelforge.media.frames.YuvPicture;
import java.awt.image.BufferedImage;

/**
 * One still, prepared for its camera path, that draws the frame at any point of the path. A flat
 * shot moves the picture through a window; a parallax shot (the orbit) also moves the subject
 * sideways against its background, through the displacement field {@link SubjectMask} estimates.
 */
abstract sealed class Shot {

  final int width;
  final int height;

  private Shot(int width, int height) {
    this.width = width;
    this.height = height;
  }

  /**
   * @param still the still, cover-cropped to the frame's shape at {@link
   *     MotionPath#preparedScale()} times its size
   */
  static Shot of(BufferedImage still, MotionPath path, int width, int height) {
    YuvPicture picture = YuvPicture.fromRgb(still);
    return path.parallax()
        ? new Parallax(
            picture,
            SubjectMask.find(still, path.subjectShift(picture.width(), picture.height())),
            path,
            width,
            height)
        : new Flat(picture, path, width, height);
  }

  /**
   * Draws the frame at {@code progress} (0 to 1, already eased) along the path into {@code frame}
   * (YUV 4:2:0).
   */
  abstract void draw(double progress, byte[] frame);

  private static final class Flat extends Shot {
    private final YuvPicture picture;
    private final Window start;
    private final Window end;

    Flat(YuvPicture picture, MotionPath path, int width, int height) {
      super(width, height);
      this.picture = picture;
      this.start = path.start(picture.width(), picture.height());
      this.end = path.end(picture.width(), picture.height());
    }

    @Override
    void draw(double progress, byte[] frame) {
      picture.draw(start.towards(end, progress), width, height, frame);
    }
  }

  private static final class Parallax extends Shot {
    private final YuvPicture picture;
    private final SamplePlane field;
    private final SamplePlane fieldHalf;
    private final SubjectMask.Method method;
    private final Window start;
    private final Window end;
    private final Window subjectStart;
    private final Window subjectEnd;

    Parallax(
        YuvPicture picture, SubjectMask.Subject subject, MotionPath path, int width, int height) {
      super(width, height);
      this.picture = picture;
      this.field = subject.field();
      this.fieldHalf = field.half();
      this.method = subject.method();
      int w = picture.width();
      int h = picture.height();
      this.start = path.start(w, h);
      this.end = path.end(w, h);
      this.subjectStart = path.subjectStart(w, h);
      this.subjectEnd = path.subjectEnd(w, h);
    }

    @Override
    void draw(double progress, byte[] frame) {
      Window background = start.towards(end, progress);
      // The subject's window is the background's size; only where it is differs.
      double shift = subjectStart.towards(subjectEnd, progress).left() - background.left();
      for (int i = 0; i < 3; i++) {
        double scale = i == 0 ? 1 : 0.5;
        picture
            .plane(i)
            .resampleDisplaced(
                i == 0 ? background : background.scaled(scale),
                i == 0 ? field : fieldHalf,
                shift * scale,
                i == 0 ? width : width / 2,
                i == 0 ? height : height / 2,
                frame,
                YuvPicture.planeOffset(i, width, height));
      }
    }

    @Override
    public String toString() {
      return "parallax shot, subject found by " + method;
    }
  }
}
