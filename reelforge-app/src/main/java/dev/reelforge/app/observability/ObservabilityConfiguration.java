package dev.reelforge.app.observability;

import dev.reelforge.app.jobs.JobsSettings;
import dev.reelforge.core.jobs.api.RegisteredPipeline;
import dev.reelforge.core.jobs.engine.JobService;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The meters of docs/operations.md#metrics, on Micrometer's registry (Prometheus format). */
@Configuration(proxyBeanMethods = false)
public class ObservabilityConfiguration {

  @Bean
  TaskMetrics taskMetrics(MeterRegistry registry) {
    return new TaskMetrics(registry);
  }

  /** Every queue a pipeline stage or a worker pool names. */
  @Bean
  QueueSnapshot queueSnapshot(
      JobService service, List<RegisteredPipeline> pipelines, JobsSettings jobs) {
    Set<String> queues = new TreeSet<>();
    for (RegisteredPipeline pipeline : pipelines) {
      queues.addAll(pipeline.definition().queues());
    }
    jobs.getPools().values().forEach(pool -> queues.addAll(pool.getQueues()));
    return new QueueSnapshot(service, queues);
  }

  @Bean
  QueueMetrics queueMetrics(QueueSnapshot snapshot, MeterRegistry registry) {
    return new QueueMetrics(snapshot, registry);
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
