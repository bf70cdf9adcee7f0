package dev.reelforge.core.jobs.engine;

import dev.reelforge.core.jobs.PipelineDefinition;
import dev.reelforge.core.jobs.StageHandler;
import java.util.Map;

/**
 * A pipeline a module contributes to the engine: its definition and a handler per stage. The app
 * collects every contribution into the {@link PipelineRegistry} of each node.
 */
public record RegisteredPipeline(
    PipelineDefinition definition, Map<String, StageHandler> handlers) {
  public RegisteredPipeline {
    handlers = Map.copyOf(handlers);
  }
}
