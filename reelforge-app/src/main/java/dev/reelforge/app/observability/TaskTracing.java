package dev.reelforge.app.observability;

import dev.reelforge.core.jobs.engine.TaskObserver;
import dev.reelforge.core.jobs.spi.ClaimedTask;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.Locale;

/**
 * A span per task execution ({@code task <stage>}), child of the span of the request that started
 * the run (its traceparent is stored with the run), current on the worker thread while the task
 * runs: provider calls made by the stage become its children.
 */
public final class TaskTracing implements TaskObserver {

  private final Tracer tracer;

  public TaskTracing(OpenTelemetry openTelemetry) {
    this.tracer = openTelemetry.getTracer("dev.reelforge.jobs");
  }

  @Override
  public TaskObserver.Scope started(ClaimedTask task, String queue) {
    Context parent = task.traceContext().map(TraceContexts::parent).orElse(Context.root());
    Span span =
        tracer
            .spanBuilder("task " + task.stage())
            .setParent(parent)
            .setSpanKind(SpanKind.CONSUMER)
            .setAttribute("reelforge.run.id", task.runId().toString())
            .setAttribute("reelforge.task.id", task.lease().taskId().toString())
            .setAttribute("reelforge.pipeline", task.kind())
            .setAttribute("reelforge.stage", task.stage())
            .setAttribute("reelforge.queue", queue)
            .setAttribute("reelforge.attempt", task.lease().attempt())
            .startSpan();
    io.opentelemetry.context.Scope current = span.makeCurrent();
    return (outcome, elapsed, errorCode) -> {
      span.setAttribute("reelforge.outcome", outcome.name().toLowerCase(Locale.ROOT));
      if (errorCode != null) {
        span.setStatus(StatusCode.ERROR, errorCode);
      }
      span.end();
      current.close();
    };
  }
}
