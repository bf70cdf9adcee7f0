package dev.reelforge.clips.internal.faces;

import dev.reelforge.core.vision.FaceBox;
import java.util.Arrays;

/**
 * One face followed through a scene's analysed frames: its box in each frame where it was seen
 * ({@code null} where it was not) and its mouth motion there.
 */
public final class FaceTrack {

  private final int id;
  private final FaceBox[] boxes;
  private final double[] motion;
  private int seen;
  private int lastSeen = -1;

  FaceTrack(int id, int frames) {
    this.id = id;
    this.boxes = new FaceBox[frames];
    this.motion = new double[frames];
  }

  void see(int frame, FaceBox box, double mouthMotion) {
    boxes[frame] = box;
    motion[frame] = mouthMotion;
    seen++;
    lastSeen = frame;
  }

  public int id() {
    return id;
  }

  /** The box in a frame, or {@code null} where the face was not seen. */
  public FaceBox boxAt(int frame) {
    return boxes[frame];
  }

  public boolean seenAt(int frame) {
    return boxes[frame] != null;
  }

  public double motionAt(int frame) {
    return boxes[frame] == null ? 0 : motion[frame];
  }

  public int seenCount() {
    return seen;
  }

  int lastSeen() {
    return lastSeen;
  }

  FaceBox last() {
    return boxes[lastSeen];
  }

  /** The median width of the face, for checking that the whole face fits in the crop. */
  public double medianWidth() {
    double[] widths =
        Arrays.stream(boxes).filter(b -> b != null).mapToDouble(FaceBox::width).sorted().toArray();
    return widths.length == 0 ? 0 : widths[widths.length / 2];
  }
}
