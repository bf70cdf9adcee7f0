package dev.reelforge.app.jobs;

import dev.reelforge.app.database.DatabaseEndpoint;
import dev.reelforge.app.observability.QueueSnapshot;
import dev.reelforge.app.observability.TraceContexts;
import dev.reelforge.core.jobs.api.RegisteredPipeline;
import dev.reelforge.core.jobs.engine.JobService;
import dev.reelforge.core.jobs.engine.PipelineRegistry;
import dev.reelforge.core.jobs.engine.QueueLimits;
import dev.reelforge.core.jobs.spi.RunStore;
import dev.reelforge.core.jobs.spi.TaskQueue;
import dev.reelforge.postgres.jobs.PostgresRunStore;
import dev.reelforge.postgres.jobs.PostgresTaskQueue;
import dev.reelforge.postgres.jobs.PostgresWorkSignal;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The job engine on PostgreSQL: stores, LISTEN/NOTIFY signal, pipelines and the service. */
@Configuration(proxyBeanMethods = false)
public class JobEngineConfiguration {

  /** Routes that answer with a result (finalize, /api/generate) watch their run through it. */
  @Bean
  RunWaiter runWaiter(JobService jobService) {
    return new RunWaiter(jobService, java.time.Duration.ofMillis(250));
  }

  @Bean
  RunStore runStore(DataSource dataSource, Clock clock) {
    return new PostgresRunStore(dataSource, clock);
  }

  @Bean
  TaskQueue taskQueue(DataSource dataSource, Clock clock) {
    return new PostgresTaskQueue(dataSource, clock);
  }

  /** One unpooled connection per node listens for work and cancellations. */
  @Bean(destroyMethod = "close")
  PostgresWorkSignal workSignal(DatabaseEndpoint endpoint) {
    return new PostgresWorkSignal(
        () ->
            DriverManager.getConnection(
                endpoint.jdbcUrl(), endpoint.username(), endpoint.password()));
  }

  @Bean
  PipelineRegistry pipelineRegistry(List<RegisteredPipeline> pipelines) {
    PipelineRegistry registry = new PipelineRegistry();
    pipelines.forEach(p -> registry.register(p.definition(), p.handlers()));
    return registry;
  }

  @Bean
  JobService jobService(
      RunStore runs, PipelineRegistry pipelines, JobsSettings settings, Clock clock) {
    return new JobService(
        runs,
        pipelines,
        new QueueLimits(settings.getMaxQueueDepth(), settings.getQueueDepthLimits()),
        clock,
        TraceContexts::current);
  }

  /** Every queue a pipeline stage or a worker pool names, for the queue metrics and health. */
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
}
