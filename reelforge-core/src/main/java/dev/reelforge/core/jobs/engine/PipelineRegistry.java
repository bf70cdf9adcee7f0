package dev.reelforge.core.jobs.engine;

import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.jobs.api.PipelineDefinition;
import dev.reelforge.core.jobs.api.StageDefinition;
import dev.reelforge.core.jobs.api.StageHandler;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The pipelines this process knows, each with a handler for every stage. Every node registers the
 * same pipelines, so any worker can execute any task of a queue it serves.
 */
public final class PipelineRegistry {

  private final Map<String, Registered> pipelines = new HashMap<>();

  private record Registered(PipelineDefinition definition, Map<String, StageHandler> handlers) {}

  /**
   * Registers a pipeline.
   *
   * @throws IllegalArgumentException when a stage has no handler or a handler no stage
   */
  public synchronized PipelineRegistry register(
      PipelineDefinition definition, Map<String, StageHandler> handlers) {
    Set<String> stages =
        definition.stagesInOrder().stream()
            .map(StageDefinition::name)
            .collect(java.util.stream.Collectors.toSet());
    if (!stages.equals(handlers.keySet())) {
      throw new IllegalArgumentException(
          "pipeline "
              + definition.kind()
              + " needs a handler for exactly its stages "
              + stages
              + ", got "
              + handlers.keySet());
    }
    if (pipelines.putIfAbsent(definition.kind(), new Registered(definition, Map.copyOf(handlers)))
        != null) {
      throw new IllegalArgumentException("pipeline " + definition.kind() + " registered twice");
    }
    return this;
  }

  /**
   * @throws ReelForgeException INVALID_INPUT for a kind nobody registered
   */
  public synchronized PipelineDefinition definition(String kind) {
    Registered registered = pipelines.get(kind);
    if (registered == null) {
      throw ReelForgeException.invalidField("kind", "unknown run kind '" + kind + "'");
    }
    return registered.definition();
  }

  public synchronized StageHandler handler(String kind, String stage) {
    Registered registered = pipelines.get(kind);
    if (registered == null || !registered.handlers().containsKey(stage)) {
      throw new IllegalStateException("no handler for " + kind + "/" + stage + " on this node");
    }
    return registered.handlers().get(stage);
  }

  public synchronized Set<String> kinds() {
    return Set.copyOf(pipelines.keySet());
  }
}
