package dev.reelforge.core.jobs.api;

import java.util.Map;

/**
 * A pipeline a module contributes to the engine: its definition and a handler per stage. The app
 * collects every contribution into the {@code PipelineRegistry} of each node.
 */
public record RegisteredPipeline(
    PipelineDefinition definition, Map<String, StageHandler> handlers) {
  public RegisteredPipeline {
    handlers = Map.copyOf(handlers);
  }
}
