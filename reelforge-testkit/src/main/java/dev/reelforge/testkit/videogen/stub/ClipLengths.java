package dev.reelforge.testkit.videogen.stub;

import dev.reelforge.testkit.videogen.StubClips;

/** Which of the {@link StubClips} stands for a clip of a vendor's length. */
final class ClipLengths {

  private ClipLengths() {}

  /** The stub clip's length nearest to {@code seconds}; between two, the longer. */
  static int nearest(int seconds) {
    int best = StubClips.LENGTHS[0];
    for (int length : StubClips.LENGTHS) {
      if (Math.abs(length - seconds) <= Math.abs(best - seconds)) {
        best = length;
      }
    }
    return best;
  }
}
