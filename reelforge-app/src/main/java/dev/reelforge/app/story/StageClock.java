package dev.reelforge.app.story;

import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Runs stages, reusing checkpoints, reporting progress and timing each one. */
final class StageClock {

  private final StoryProgress progress;
  private final Clock clock;
  private final Map<StoryStage, Long> timings = new EnumMap<>(StoryStage.class);
  private final AtomicInteger resumed = new AtomicInteger();

  StageClock(StoryProgress progress, Clock clock) {
    this.progress = progress;
    this.clock = clock;
  }

  /**
   * The stage's checkpoint when there is one, else the result of {@code work}, checkpointed with
   * {@code save} before it is returned.
   */
  <T> T run(StoryStage stage, Optional<T> saved, Supplier<T> work, Consumer<T> save) {
    if (saved.isPresent()) {
      progress.stageStarted(stage, true);
      resumed.incrementAndGet();
      record(stage, 0);
      return saved.get();
    }
    progress.stageStarted(stage, false);
    long start = clock.millis();
    T value = work.get();
    save.accept(value);
    long took = clock.millis() - start;
    record(stage, took);
    progress.stageFinished(stage, took);
    return value;
  }

  private synchronized void record(StoryStage stage, long millis) {
    timings.put(stage, millis);
  }

  /** Milliseconds per stage run so far (0 for a reused checkpoint), by label, in stage order. */
  synchronized Map<String, Long> timings() {
    Map<String, Long> byLabel = new LinkedHashMap<>();
    timings.forEach((stage, millis) -> byLabel.put(stage.label(), millis));
    return byLabel;
  }

  int resumed() {
    return resumed.get();
  }
}
