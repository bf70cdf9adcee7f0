package dev.reelforge.app.observability;

import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.providers.http.ProviderHttp;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.net.URI;
import java.util.Map;

/**
 * Every cloud provider call: a client span ({@code <provider> <METHOD>}) under the stage's span,
 * its trace context sent to the provider as {@code traceparent}, and failures counted in {@link
 * ProviderMetrics}. Latency and cost are metered where the adapters record the call.
 */
public final class ProviderCalls implements ProviderHttp.Observer {

  private final Tracer tracer;
  private final ProviderMetrics metrics;

  public ProviderCalls(OpenTelemetry openTelemetry, ProviderMetrics metrics) {
    this.tracer = openTelemetry.getTracer("dev.reelforge.providers");
    this.metrics = metrics;
  }

  @Override
  public Call started(String provider, String method, URI uri) {
    Span span =
        tracer
            .spanBuilder(provider + " " + method)
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute("reelforge.provider", provider)
            .setAttribute("http.request.method", method)
            .setAttribute("server.address", String.valueOf(uri.getHost()))
            .startSpan();
    Map<String, String> headers = TraceContexts.headers(Context.current().with(span));
    return new Call() {
      @Override
      public Map<String, String> headers() {
        return headers;
      }

      @Override
      public void ended(ReelForgeException failure) {
        if (failure != null) {
          span.setStatus(StatusCode.ERROR, failure.code().name());
          metrics.failed(provider, failure.code().name());
        }
        span.end();
      }
    };
  }
}
