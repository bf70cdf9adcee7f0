package dev.reelforge.core.render;

import java.util.List;

/**
 * The outputs of a render and how much work it reused.
 *
 * @param segmentsRendered segments encoded by this render
 * @param segmentsReused segments found already encoded in the cache (a resumed or edited render)
 * @param audioReused whether the soundtrack came from the cache
 */
public record RenderResult(
    List<RenderedOutput> outputs, int segmentsRendered, int segmentsReused, boolean audioReused) {

  public RenderResult {
    outputs = List.copyOf(outputs);
  }

  public RenderedOutput output(RenderPreset preset) {
    return outputs.stream()
        .filter(o -> o.preset() == preset)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(preset + " was not rendered"));
  }
}
