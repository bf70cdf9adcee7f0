package dev.reelforge.app.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The meters of docs/operations.md#metrics, on Micrometer's registry (Prometheus format). The
 * {@link QueueSnapshot} they read is made by the job engine's configuration, which knows the
 * queues.
 */
@Configuration(proxyBeanMethods = false)
public class ObservabilityConfiguration {

  @Bean
  TaskMetrics taskMetrics(MeterRegistry registry) {
    return new TaskMetrics(registry);
  }

  @Bean
  QueueMetrics queueMetrics(QueueSnapshot snapshot, MeterRegistry registry) {
    return new QueueMetrics(snapshot, registry);
  }

  @Bean
  VideoEngineMetrics videoEngineMetrics(
      dev.reelforge.mediagen.engines.VideoEngines engines, MeterRegistry registry) {
    return new VideoEngineMetrics(engines, registry);
  }

  @Bean
  RenderMetrics renderMetrics(MeterRegistry registry) {
    return new RenderMetrics(registry);
  }

  @Bean
  ProviderMetrics providerMetrics(MeterRegistry registry) {
    return new ProviderMetrics(registry);
  }

  /** Traces: Spring Boot's OpenTelemetry SDK (exported over OTLP when an endpoint is set). */
  @Bean
  TaskTracing taskTracing(OpenTelemetry openTelemetry) {
    return new TaskTracing(openTelemetry);
  }

  @Bean
  ProviderCalls providerCalls(OpenTelemetry openTelemetry, ProviderMetrics metrics) {
    return new ProviderCalls(openTelemetry, metrics);
  }
}
