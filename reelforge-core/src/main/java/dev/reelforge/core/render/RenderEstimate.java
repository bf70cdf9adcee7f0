package dev.reelforge.core.render;

import java.time.Duration;
import java.util.List;

/**
 * What a render is expected to cost before it starts, from this machine's measured encoder speed.
 *
 * @param time the expected wall time of the whole render
 * @param bytes the expected total size of the videos
 * @param presets the same per preset
 */
public record RenderEstimate(Duration time, long bytes, List<PresetEstimate> presets) {

  public RenderEstimate {
    presets = List.copyOf(presets);
  }

  /**
   * One preset's share.
   *
   * @param encoderFps the frames per second this machine's encoder reached at the preset's size and
   *     tier when it was measured
   */
  public record PresetEstimate(RenderPreset preset, Duration time, long bytes, double encoderFps) {}
}
