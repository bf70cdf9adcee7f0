package dev.reelforge.app.observability;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The W3C {@code traceparent} of the current span, as stored with a run, and back: how a trace
 * crosses from the request that started a run to the workers that run its tasks.
 */
public final class TraceContexts {

  private static final String HEADER = "traceparent";

  private static final TextMapGetter<String> FROM_VALUE =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
          return List.of(HEADER);
        }

        @Override
        public String get(String carrier, String key) {
          return HEADER.equals(key) ? carrier : null;
        }
      };

  private TraceContexts() {}

  /** The current span's traceparent, when there is a sampled one. */
  public static Optional<String> current() {
    if (!Span.current().getSpanContext().isValid()) {
      return Optional.empty();
    }
    return Optional.ofNullable(headers(Context.current()).get(HEADER));
  }

  /** The propagation headers of a context (traceparent, tracestate). */
  public static Map<String, String> headers(Context context) {
    Map<String, String> headers = new HashMap<>();
    W3CTraceContextPropagator.getInstance().inject(context, headers, Map::put);
    return headers;
  }

  /** The context a stored traceparent describes (the root context when it is unreadable). */
  public static Context parent(String traceparent) {
    return W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, FROM_VALUE);
  }
}
