package dev.reelforge.clips;

import dev.reelforge.core.timeline.Framing;
import java.util.Objects;

/**
 * How one stretch of a clip is framed in the target aspect ratio: a crop that follows the subject
 * ({@link Mode#CROP}), or the whole picture over a blurred copy of itself when no subject was found
 * ({@link Mode#BLURRED_FIT}).
 *
 * @param startMillis in source time
 * @param endMillis in source time
 * @param mode crop or blurred fit
 * @param framing where the crop sits (moving linearly over the shot); {@link Framing#CENTRE} for a
 *     blurred fit
 * @param reason why, in words (e.g. {@code "face tracked"}, {@code "speaker changed"}, {@code "no
 *     face found"}, {@code "manual override"})
 */
public record Shot(long startMillis, long endMillis, Mode mode, Framing framing, String reason) {

  public Shot {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(framing, "framing");
    Objects.requireNonNull(reason, "reason");
    if (endMillis <= startMillis) {
      throw new IllegalArgumentException("a shot has a length");
    }
  }

  public long durationMillis() {
    return endMillis - startMillis;
  }

  /** Crop or fit. */
  public enum Mode {
    CROP,
    BLURRED_FIT
  }
}
