package dev.reelforge.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.app.AppTestDatabase;
import dev.reelforge.core.jobs.api.PipelineDefinition;
import dev.reelforge.core.jobs.api.RegisteredPipeline;
import dev.reelforge.core.jobs.api.StageDefinition;
import dev.reelforge.core.jobs.api.StageResult;
import dev.reelforge.core.jobs.engine.JobService;
import dev.reelforge.core.jobs.engine.SubmitRequest;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.core.jobs.spi.RunStatus;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The assembled app runs the engine: pipelines contributed as beans run on its worker pools. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"reelforge.jobs.poll-interval=100ms"})
@Import(JobEngineAppTest.Pipelines.class)
class JobEngineAppTest {

  @Autowired JobService jobs;
  @Autowired JobWorkers workers;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    AppTestDatabase.register(registry, "JobEngineAppTest");
  }

  @TestConfiguration
  static class Pipelines {
    @Bean
    RegisteredPipeline greeting() {
      return new RegisteredPipeline(
          PipelineDefinition.of(
              "greeting",
              StageDefinition.of("write", "analysis"),
              StageDefinition.of("shout", "generation").after("write")),
          Map.of(
              "write", ctx -> StageResult.completed("{\"text\":\"hello\"}"),
              "shout",
                  ctx ->
                      StageResult.completed(ctx.dependencyOutputs().get("write").toUpperCase())));
    }
  }

  @Test
  void runsAContributedPipelineOnTheDefaultPools() throws Exception {
    // The named queues of SPEC §2.1, image, video, brand, and the three clips pools.
    assertThat(workers.poolCount()).isEqualTo(11);
    UUID owner = UUID.randomUUID();
    RunRecord run =
        jobs.submit(SubmitRequest.of(owner, "greeting", "{}").withIdempotencyKey("once")).run();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (jobs.run(run.id()).status() != RunStatus.SUCCEEDED && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    RunRecord done = jobs.run(run.id());
    assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(done.artifacts()).contains("HELLO");
    assertThat(
            jobs.submit(SubmitRequest.of(owner, "greeting", "{}").withIdempotencyKey("once"))
                .run()
                .id())
        .isEqualTo(run.id());
  }
}
