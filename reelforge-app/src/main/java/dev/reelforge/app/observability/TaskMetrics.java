package dev.reelforge.app.observability;

import dev.reelforge.core.jobs.engine.TaskObserver;
import dev.reelforge.core.jobs.spi.ClaimedTask;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.MDC;

/**
 * Times every task execution per pipeline, stage, queue and outcome ({@code
 * reelforge_stage_duration_seconds}, a histogram), counts retries ({@code
 * reelforge_task_retries_total}) and dead letters ({@code reelforge_task_dead_letters_total}), and
 * puts the run, task and stage ids in the logging context of the worker thread while it runs.
 */
public final class TaskMetrics implements TaskObserver {

  /** The MDC keys log lines carry while a task runs (JSON logs show them as fields). */
  public static final String RUN_ID = "runId";

  public static final String TASK_ID = "taskId";
  public static final String STAGE = "stage";

  private final MeterRegistry registry;

  public TaskMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Scope started(ClaimedTask task, String queue) {
    MDC.put(RUN_ID, task.runId().toString());
    MDC.put(TASK_ID, task.lease().taskId().toString());
    MDC.put(STAGE, task.stage());
    return (outcome, elapsed, errorCode) -> {
      try {
        record(task, queue, outcome, elapsed, errorCode);
      } finally {
        MDC.remove(RUN_ID);
        MDC.remove(TASK_ID);
        MDC.remove(STAGE);
      }
    };
  }

  private void record(
      ClaimedTask task, String queue, Outcome outcome, Duration elapsed, String errorCode) {
    String name = outcome.name().toLowerCase(Locale.ROOT);
    Timer.builder("reelforge.stage.duration")
        .description("How long task executions ran, by pipeline, stage, queue and outcome")
        .tags("kind", task.kind(), "stage", task.stage(), "queue", queue, "outcome", name)
        .publishPercentileHistogram()
        .register(registry)
        .record(elapsed);
    String error = errorCode == null ? "none" : errorCode;
    if (outcome == Outcome.RETRY_SCHEDULED || outcome == Outcome.TIMED_OUT) {
      Counter.builder("reelforge.task.retries")
          .description("Failed executions that will be tried again")
          .tags("queue", queue, "stage", task.stage(), "error", error)
          .register(registry)
          .increment();
    }
    if (outcome == Outcome.FAILED) {
      Counter.builder("reelforge.task.dead.letters")
          .description("Tasks that failed for good (dead letters an operator may requeue)")
          .tags("queue", queue, "stage", task.stage(), "error", error)
          .register(registry)
          .increment();
    }
  }
}
