package dev.reelforge.core.jobs.engine;

import static dev.reelforge.core.jobs.engine.InProcessEngine.QUEUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.jobs.api.PipelineDefinition;
import dev.reelforge.core.jobs.api.StageDefinition;
import dev.reelforge.core.jobs.api.StageResult;
import dev.reelforge.core.jobs.spi.RunStore;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Submitting through the service: validation, idempotency keys and backpressure. */
class JobServiceTest {

  private final InProcessEngine engine = new InProcessEngine();
  private JobService service;

  @BeforeEach
  void register() {
    engine.register(
        PipelineDefinition.of(
            "two", StageDefinition.of("a", QUEUE), StageDefinition.of("b", QUEUE).after("a")),
        Map.of("a", ctx -> StageResult.completed("{}"), "b", ctx -> StageResult.completed("{}")));
    service = engine.service(new QueueLimits(100, Map.of(QUEUE, 2L)));
  }

  @AfterEach
  void stop() throws Exception {
    engine.close();
  }

  @Test
  void aFullQueueRefusesNewRunsWithARetryableError() {
    service.submit(SubmitRequest.of(engine.owner, "two", "{}"));
    service.submit(SubmitRequest.of(engine.owner, "two", "{}"));
    assertThatThrownBy(() -> service.submit(SubmitRequest.of(engine.owner, "two", "{}")))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
              assertThat(e.retryable()).isTrue();
            })
        .hasMessageContaining("work queue is full (2 tasks waiting)");
    assertThat(engine.store.runStore().depth(QUEUE)).as("only first stages wait").isEqualTo(2);
  }

  @Test
  void aRepeatedKeyReturnsTheFirstRunEvenWhenTheQueueIsFull() {
    SubmitRequest request = SubmitRequest.of(engine.owner, "two", "{}").withIdempotencyKey("k");
    RunStore.SubmitResult first = service.submit(request);
    service.submit(SubmitRequest.of(engine.owner, "two", "{}"));
    RunStore.SubmitResult again = service.submit(request);
    assertThat(first.created()).isTrue();
    assertThat(again.created()).isFalse();
    assertThat(again.run().id()).isEqualTo(first.run().id());
  }

  @Test
  void badRequestsAreRefusedBeforeAnythingIsStored() {
    assertCode(
        () -> service.submit(SubmitRequest.of(engine.owner, "nobody-registered-this", "{}")),
        ErrorCode.INVALID_INPUT);
    assertCode(
        () ->
            service.submit(
                SubmitRequest.of(engine.owner, "two", "{}")
                    .withIdempotencyKey("x".repeat(SubmitRequest.MAX_IDEMPOTENCY_KEY_LENGTH + 1))),
        ErrorCode.INVALID_INPUT);
    assertCode(
        () -> service.submit(SubmitRequest.of(engine.owner, "two", "not json")),
        ErrorCode.INVALID_INPUT);
    assertCode(() -> service.run(UUID.randomUUID()), ErrorCode.RESOURCE_NOT_FOUND);
    assertCode(() -> service.tasks(UUID.randomUUID()), ErrorCode.RESOURCE_NOT_FOUND);
    assertThat(engine.store.runStore().depth(QUEUE)).isZero();
  }

  private static void assertCode(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ErrorCode code) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ReelForgeException.class, e -> assertThat(e.code()).isEqualTo(code));
  }
}
