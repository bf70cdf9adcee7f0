package dev.reelforge.providers.veo;

import dev.reelforge.core.videogen.VideoRequest.Aspect;
import dev.reelforge.core.videogen.VideoRequest.Resolution;
import dev.reelforge.providers.videogen.VideoLengths;
import java.util.Optional;

/**
 * What a Veo model takes through the Gemini API, by generation (its name's prefix, so that the
 * fast, lite and dated variants of one generation behave alike): the lengths it makes, whether it
 * takes a {@code lastFrame} and a {@code resolution}. Every generation makes 16:9 and 9:16 only;
 * {@code seed} and {@code fps} are Vertex AI parameters the Gemini API refuses.
 */
enum VeoModel {
  /** Veo 3.1: 4, 6 or 8 s; first and last frames; 1080p only at 8 s. */
  VEO_3_1("veo-3.1", new int[] {4, 6, 8}, true, true),
  /** Veo 3: 4, 6 or 8 s; a first frame; 1080p only at 16:9. */
  VEO_3("veo-3.0", new int[] {4, 6, 8}, false, true),
  /** Veo 2: 5 to 8 s; a first frame; 720p. */
  VEO_2("veo-2.0", new int[] {5, 6, 7, 8}, false, false);

  private final String prefix;
  private final int[] durations;
  private final boolean lastFrame;
  private final boolean resolution;

  VeoModel(String prefix, int[] durations, boolean lastFrame, boolean resolution) {
    this.prefix = prefix;
    this.durations = durations;
    this.lastFrame = lastFrame;
    this.resolution = resolution;
  }

  boolean lastFrame() {
    return lastFrame;
  }

  /** The generation of the model called {@code name} ({@code veo-3.0-generate-001}…). */
  static Optional<VeoModel> of(String name) {
    for (VeoModel model : values()) {
      if (name.startsWith(prefix(model))) {
        return Optional.of(model);
      }
    }
    return Optional.empty();
  }

  private static String prefix(VeoModel model) {
    return model.prefix + "-";
  }

  /** The {@code aspectRatio} for {@code aspect}; none for square, which Veo does not make. */
  static Optional<String> aspectRatio(Aspect aspect) {
    return switch (aspect) {
      case LANDSCAPE -> Optional.of("16:9");
      case PORTRAIT -> Optional.of("9:16");
      case SQUARE -> Optional.empty();
    };
  }

  /** The length it makes nearest to {@code seconds}; between two, the longer. */
  int duration(int seconds) {
    return VideoLengths.nearest(seconds, durations);
  }

  /**
   * The {@code resolution} to ask for, where the model takes one: 1080p for a 1080p request when
   * the model makes it at that length and shape, else 720p.
   */
  Optional<String> resolution(Resolution wanted, int seconds, Aspect aspect) {
    if (!resolution) {
      return Optional.empty();
    }
    boolean fullHd =
        wanted == Resolution.P1080 && (this == VEO_3_1 ? seconds == 8 : aspect == Aspect.LANDSCAPE);
    return Optional.of(fullHd ? "1080p" : "720p");
  }
}
