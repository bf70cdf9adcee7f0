package dev.reelforge.story;

import java.time.Duration;

/** Told how fast each render stage made its video (for the render-speed metric). */
@FunctionalInterface
public interface RenderSpeed {

  /**
   * @param preset the preset rendered
   * @param videoMillis the length of the video made
   * @param wall how long the render took
   */
  void rendered(String preset, long videoMillis, Duration wall);

  RenderSpeed NONE = (preset, videoMillis, wall) -> {};
}
