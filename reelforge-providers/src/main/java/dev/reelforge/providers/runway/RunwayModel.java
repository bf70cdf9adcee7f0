package dev.reelforge.providers.runway;

import dev.reelforge.core.videogen.VideoRequest.Aspect;
import dev.reelforge.providers.videogen.VideoLengths;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What each Runway video model accepts, from the API reference (version 2024-11-06): the {@code
 * ratio} values per frame shape for {@code image_to_video} and {@code text_to_video} (none: the
 * model has no text-only path), the durations, whether {@code promptImage} may carry a last frame
 * and whether {@code promptText} is required.
 */
enum RunwayModel {
  /** Gen-4.5: text or a first frame, 2 to 10 s; the prompt is required. */
  GEN4_5(
      "gen4.5",
      Map.of(Aspect.LANDSCAPE, "1280:720", Aspect.PORTRAIT, "720:1280"),
      Map.of(Aspect.LANDSCAPE, "1280:720", Aspect.PORTRAIT, "720:1280", Aspect.SQUARE, "960:960"),
      range(2, 10),
      false,
      true),
  /** Gen-4 Turbo: a first frame only, 2 to 10 s. */
  GEN4_TURBO(
      "gen4_turbo",
      Map.of(),
      Map.of(Aspect.LANDSCAPE, "1280:720", Aspect.PORTRAIT, "720:1280", Aspect.SQUARE, "960:960"),
      range(2, 10),
      false,
      false),
  /**
   * Gen-3 Alpha Turbo: first and last frames, 5 or 10 s, no square. Runway retired it on 30 July
   * 2026 (its partners' notices); kept for accounts that still reach it.
   */
  GEN3A_TURBO(
      "gen3a_turbo",
      Map.of(),
      Map.of(Aspect.LANDSCAPE, "1280:768", Aspect.PORTRAIT, "768:1280"),
      new int[] {5, 10},
      true,
      true);

  private final String id;
  private final Map<Aspect, String> textRatios;
  private final Map<Aspect, String> imageRatios;
  private final int[] durations;
  private final boolean lastFrame;
  private final boolean promptRequired;

  RunwayModel(
      String id,
      Map<Aspect, String> textRatios,
      Map<Aspect, String> imageRatios,
      int[] durations,
      boolean lastFrame,
      boolean promptRequired) {
    this.id = id;
    this.textRatios = textRatios;
    this.imageRatios = imageRatios;
    this.durations = durations;
    this.lastFrame = lastFrame;
    this.promptRequired = promptRequired;
  }

  String id() {
    return id;
  }

  boolean textToVideo() {
    return !textRatios.isEmpty();
  }

  boolean lastFrame() {
    return lastFrame;
  }

  boolean promptRequired() {
    return promptRequired;
  }

  /** The {@code ratio} for {@code aspect}, from an image or from text alone. */
  Optional<String> ratio(Aspect aspect, boolean fromImage) {
    return Optional.ofNullable((fromImage ? imageRatios : textRatios).get(aspect));
  }

  /** The shapes the model makes, for messages ({@code 16:9, 9:16}). */
  String shapes(boolean fromImage) {
    return Arrays.stream(Aspect.values())
        .filter((fromImage ? imageRatios : textRatios)::containsKey)
        .map(Aspect::label)
        .collect(Collectors.joining(", "));
  }

  /** The length it makes nearest to {@code seconds}; between two, the longer. */
  int duration(int seconds) {
    return VideoLengths.nearest(seconds, durations);
  }

  static Optional<RunwayModel> named(String id) {
    return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
  }

  static String names() {
    return Arrays.stream(values()).map(RunwayModel::id).collect(Collectors.joining(", "));
  }

  private static int[] range(int from, int to) {
    return java.util.stream.IntStream.rangeClosed(from, to).toArray();
  }
}
