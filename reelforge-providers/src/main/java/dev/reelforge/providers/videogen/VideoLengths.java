package dev.reelforge.providers.videogen;

/** Vendors make clips of a few fixed lengths; a request is rounded to the nearest of them. */
public final class VideoLengths {

  private VideoLengths() {}

  /**
   * The length in {@code made} nearest to {@code wanted} seconds; a tie goes to the longer, which
   * the render can trim to the scene, where a shorter clip would leave the scene short.
   */
  public static int nearest(int wanted, int... made) {
    int best = made[0];
    for (int length : made) {
      int distance = Math.abs(length - wanted);
      int bestDistance = Math.abs(best - wanted);
      if (distance < bestDistance || (distance == bestDistance && length > best)) {
        best = length;
      }
    }
    return best;
  }
}
