package dev.reelforge.media.vision;

import dev.reelforge.core.clips.ClipMedia;
import dev.reelforge.core.render.Cancellation;
import dev.reelforge.core.vision.FaceBox;
import dev.reelforge.core.vision.FaceDetector;
import java.nio.file.Path;
import java.util.List;

/**
 * Measures how well an exported (vertical) clip keeps its speaker in the picture: it samples
 * frames, looks for faces, and counts the frames where a face lies wholly inside the frame. A
 * cascade box is tight around eyes, nose and mouth, so it is widened by {@link #MARGIN} of its
 * width on each side first: a face whose cheek or ear is cut off does not count.
 */
public final class FaceInCrop {

  /** How much of a face box's width is added on each side before testing that it fits. */
  public static final double MARGIN = 0.1;

  private static final int BATCH = 16;

  private final ClipMedia media;
  private final FaceDetector detector;

  public FaceInCrop(ClipMedia media, FaceDetector detector) {
    this.media = media;
    this.detector = detector;
  }

  /**
   * Samples {@code video} at {@code fps}, decoded {@code width} pixels wide.
   *
   * @param durationMillis how much of the video to sample, from its start
   */
  public Report measure(Path video, long durationMillis, double fps, int width) {
    detector.warmUp();
    int[] counts = new int[3];
    media.frames(
        video,
        0,
        durationMillis,
        fps,
        width,
        BATCH,
        Cancellation.none(),
        batch -> {
          List<List<FaceBox>> faces = detector.detect(batch);
          for (List<FaceBox> frame : faces) {
            counts[0]++;
            if (!frame.isEmpty()) {
              counts[1]++;
            }
            if (frame.stream().anyMatch(FaceInCrop::whollyInside)) {
              counts[2]++;
            }
          }
        });
    return new Report(counts[0], counts[1], counts[2]);
  }

  /** Whether a face, widened by the margin, fits in the frame. */
  public static boolean whollyInside(FaceBox face) {
    double margin = face.width() * MARGIN;
    return face.x() - margin >= 0
        && face.x() + face.width() + margin <= 1
        && face.y() >= 0
        && face.y() + face.height() <= 1;
  }

  /**
   * What a measurement found.
   *
   * @param frames frames sampled
   * @param withFace frames where any face was found
   * @param faceInside frames where a face lies wholly inside the picture
   */
  public record Report(int frames, int withFace, int faceInside) {

    /** The share of sampled frames with a face wholly inside, in [0,1]. */
    public double share() {
      return frames == 0 ? 0 : (double) faceInside / frames;
    }
  }
}
