package dev.reelforge.core.jobs.api;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A kind of run as a DAG of stages: stages without dependencies start at once (fan-out), a stage
 * with several dependencies starts when all of them succeeded (fan-in). Validated on construction:
 * unknown dependencies and cycles are rejected.
 */
public final class PipelineDefinition {

  private final String kind;
  private final Map<String, StageDefinition> stages;
  private final List<String> order;

  private PipelineDefinition(String kind, Map<String, StageDefinition> stages) {
    StageDefinition.checkName("pipeline", kind);
    if (stages.isEmpty()) {
      throw new IllegalArgumentException("pipeline " + kind + " has no stages");
    }
    this.kind = kind;
    this.stages = Map.copyOf(stages);
    for (StageDefinition stage : stages.values()) {
      for (String dependency : stage.dependsOn()) {
        if (!stages.containsKey(dependency)) {
          throw new IllegalArgumentException(
              "pipeline " + kind + ": stage " + stage.name() + " depends on unknown " + dependency);
        }
      }
    }
    this.order = topologicalOrder(kind, stages);
  }

  public static PipelineDefinition of(String kind, StageDefinition... stages) {
    return of(kind, List.of(stages));
  }

  public static PipelineDefinition of(String kind, Collection<StageDefinition> stages) {
    Map<String, StageDefinition> byName = new LinkedHashMap<>();
    for (StageDefinition stage : stages) {
      if (byName.put(stage.name(), stage) != null) {
        throw new IllegalArgumentException(
            "pipeline " + kind + ": stage " + stage.name() + " twice");
      }
    }
    return new PipelineDefinition(kind, byName);
  }

  public String kind() {
    return kind;
  }

  public StageDefinition stage(String name) {
    StageDefinition stage = stages.get(name);
    if (stage == null) {
      throw new IllegalArgumentException("pipeline " + kind + " has no stage " + name);
    }
    return stage;
  }

  /** Stages in an order where each comes after everything it depends on. */
  public List<StageDefinition> stagesInOrder() {
    return order.stream().map(stages::get).toList();
  }

  /** The queues this pipeline's stages run on. */
  public Set<String> queues() {
    return stages.values().stream().map(StageDefinition::queue).collect(Collectors.toSet());
  }

  /** Stages nothing depends on: their outputs are the run's artifacts. */
  public Set<String> sinks() {
    Set<String> depended =
        stages.values().stream().flatMap(s -> s.dependsOn().stream()).collect(Collectors.toSet());
    return stages.keySet().stream().filter(s -> !depended.contains(s)).collect(Collectors.toSet());
  }

  private static List<String> topologicalOrder(String kind, Map<String, StageDefinition> stages) {
    Map<String, Integer> pending = new HashMap<>();
    Map<String, List<String>> dependents = new HashMap<>();
    for (StageDefinition stage : stages.values()) {
      pending.put(stage.name(), stage.dependsOn().size());
      for (String dependency : stage.dependsOn()) {
        dependents.computeIfAbsent(dependency, d -> new ArrayList<>()).add(stage.name());
      }
    }
    Deque<String> ready = new ArrayDeque<>();
    stages.keySet().stream().filter(s -> pending.get(s) == 0).sorted().forEach(ready::add);
    List<String> order = new ArrayList<>();
    while (!ready.isEmpty()) {
      String stage = ready.removeFirst();
      order.add(stage);
      for (String dependent : dependents.getOrDefault(stage, List.of())) {
        if (pending.merge(dependent, -1, Integer::sum) == 0) {
          ready.addLast(dependent);
        }
      }
    }
    if (order.size() != stages.size()) {
      throw new IllegalArgumentException("pipeline " + kind + " has a dependency cycle");
    }
    return List.copyOf(order);
  }
}
