package dev.reelforge.story;

import dev.reelforge.core.cost.CostAttribution;
import dev.reelforge.core.cost.CostLedger;
import dev.reelforge.core.cost.ProviderCall;
import dev.reelforge.core.jobs.api.StageContext;
import dev.reelforge.core.jobs.api.StageHandler;
import dev.reelforge.core.jobs.api.StageResult;
import dev.reelforge.core.jobs.spi.RunStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What a story run on the engine spent: each stage's provider calls, kept per attempt in the work
 * folder ({@code costs/<runId>/<stage>-<attempt>.json}) as they happen, so that a failed attempt's
 * spend counts too; and each stage's time, as the engine recorded it.
 */
final class StageMeter {

  private final RunStore runs;
  private final CostAttribution costs;

  StageMeter(RunStore runs, CostAttribution costs) {
    this.runs = runs;
    this.costs = costs;
  }

  /**
   * {@code handler} with its provider calls kept, whether it succeeds or not.
   *
   * @param costsDir where the run's calls go, from the stage's context
   */
  StageHandler metered(StageHandler handler, CostsDir costsDir) {
    return ctx -> {
      CostLedger ledger = new CostLedger();
      try {
        return costs.attributedTo(ledger, () -> executeUnchecked(handler, ctx));
      } catch (CheckedFailure e) {
        throw (Exception) e.getCause();
      } finally {
        if (!ledger.calls().isEmpty()) {
          Path file = costsDir.of(ctx).resolve(ctx.stage() + "-" + ctx.attempt() + ".json");
          Checkpoints.writeJson(file, ledger.calls());
        }
      }
    };
  }

  /** Where a stage's run keeps its provider calls. */
  @FunctionalInterface
  interface CostsDir {
    Path of(StageContext ctx);
  }

  /** Where a run's provider calls are kept in a story's work folder. */
  Path costsDir(Path workDir, UUID runId) {
    return workDir.resolve("costs").resolve(runId.toString());
  }

  /** How long each finished stage took, from the engine's records of the run. */
  Map<String, Long> stageMillis(UUID runId) {
    Map<String, Long> millis = new LinkedHashMap<>();
    runs.tasksOf(runId).stream()
        .filter(t -> t.startedAt().isPresent() && t.completedAt().isPresent())
        .sorted(Comparator.comparing(t -> t.startedAt().orElseThrow()))
        .forEach(
            t ->
                millis.put(
                    t.stage(),
                    Duration.between(t.startedAt().orElseThrow(), t.completedAt().orElseThrow())
                        .toMillis()));
    return millis;
  }

  /** Every provider call kept in {@code dir}, over all stages and attempts. */
  static CostLedger spent(Path dir) {
    CostLedger ledger = new CostLedger();
    if (!Files.isDirectory(dir)) {
      return ledger;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(StageMeter::isCostFile).sorted().toList()) {
        for (ProviderCall call : StoryJson.read(file.toFile(), ProviderCall[].class)) {
          ledger.record(call);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ledger;
  }

  /** A stage's calls, not a file being written (those start with a dot). */
  private static boolean isCostFile(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".json") && !name.startsWith(".");
  }

  /** Carries a handler's checked exception through the cost attribution, which takes none. */
  private static final class CheckedFailure extends RuntimeException {
    CheckedFailure(Exception cause) {
      super(cause);
    }
  }

  private static StageResult executeUnchecked(StageHandler handler, StageContext ctx) {
    try {
      return handler.execute(ctx);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new CheckedFailure(e);
    }
  }
}
