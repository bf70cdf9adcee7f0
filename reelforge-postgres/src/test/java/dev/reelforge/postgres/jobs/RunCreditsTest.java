package dev.reelforge.postgres.jobs;

import static dev.reelforge.postgres.jobs.EngineNode.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.accounts.CreditLedger;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.jobs.api.PipelineDefinition;
import dev.reelforge.core.jobs.api.RetryPolicy;
import dev.reelforge.core.jobs.api.StageDefinition;
import dev.reelforge.core.jobs.api.StageHandler;
import dev.reelforge.core.jobs.api.StageResult;
import dev.reelforge.core.jobs.engine.PipelineRegistry;
import dev.reelforge.core.jobs.engine.SubmitRequest;
import dev.reelforge.core.jobs.engine.WorkerPoolOptions;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.core.jobs.spi.RunStatus;
import dev.reelforge.postgres.accounts.PostgresCreditLedger;
import dev.reelforge.postgres.testing.PostgresTest;
import dev.reelforge.postgres.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Credits on the engine (SPEC §3): debited with the run, never below zero under concurrent spending
 * on two nodes, refunded exactly once when a run fails or is cancelled — including a cancel racing
 * the failure and a run that fails again after an operator requeues it — and not refunded when a
 * retried run succeeds.
 */
@PostgresTest
class RunCreditsTest {

  private static final AtomicInteger NAMES = new AtomicInteger();

  private final TestDatabase database;
  private final String q = "credits-" + NAMES.incrementAndGet();
  private final UUID owner = UUID.randomUUID();
  private final CreditLedger ledger;
  private final JdbcClient jdbc;

  RunCreditsTest(TestDatabase database) {
    this.database = database;
    this.ledger = new PostgresCreditLedger(database.dataSource(), Clock.systemUTC());
    this.jdbc = JdbcClient.create(database.dataSource());
  }

  @Test
  void concurrentSpendingNeverOverdrawsAndEachFailedOrCancelledRunIsRefundedOnce()
      throws Exception {
    // "ok" succeeds; "flaky" fails once (retryable) then succeeds; "doomed" always fails.
    Map<String, AtomicInteger> attempts = new java.util.concurrent.ConcurrentHashMap<>();
    StageHandler work =
        ctx -> {
          // The stored inputs are reformatted JSON ({"k": "doomed"}): read the value itself.
          String kind = ctx.inputs().replaceAll("(?s).*\"k\"\\s*:\\s*\"([a-z]+)\".*", "$1");
          attempts
              .computeIfAbsent(ctx.runId().toString(), k -> new AtomicInteger())
              .incrementAndGet();
          if (kind.equals("doomed") || (kind.equals("flaky") && ctx.attempt() == 1)) {
            throw new ReelForgeException(ErrorCode.RENDER_FAILED, "the encoder crashed")
                .withRetryable(kind.equals("flaky"));
          }
          return StageResult.completed("{}");
        };
    PipelineDefinition paid =
        PipelineDefinition.of(
            "paid",
            StageDefinition.of("work", q).retry(RetryPolicy.of(2, Duration.ofMillis(10), 1.0)));
    PipelineRegistry registry = new PipelineRegistry().register(paid, Map.of("work", work));
    ledger.grant(owner, 12, "test", Optional.empty());

    try (EngineNode first = new EngineNode(database, registry, Clock.systemUTC());
        EngineNode second = new EngineNode(database, registry, Clock.systemUTC())) {
      // 16 runs of 1 credit from 8 threads on two nodes, against a balance of 12.
      List<String> kinds = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        kinds.add(List.of("ok", "flaky", "doomed", "doomed").get(i % 4));
      }
      ExecutorService threads = Executors.newFixedThreadPool(8);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Optional<RunRecord>>> submitted = new ArrayList<>();
      for (int i = 0; i < kinds.size(); i++) {
        EngineNode node = i % 2 == 0 ? first : second;
        String kind = kinds.get(i);
        Callable<Optional<RunRecord>> submit =
            () -> {
              start.await();
              try {
                return Optional.of(
                    node.jobs
                        .submit(
                            SubmitRequest.of(owner, "paid", "{\"k\":\"" + kind + "\"}")
                                .withCredits(1))
                        .run());
              } catch (ReelForgeException e) {
                assertThat(e.code()).isEqualTo(ErrorCode.INSUFFICIENT_CREDITS);
                return Optional.empty();
              }
            };
        submitted.add(threads.submit(submit));
      }
      start.countDown();
      List<RunRecord> accepted = new ArrayList<>();
      for (Future<Optional<RunRecord>> future : submitted) {
        future.get().ifPresent(accepted::add);
      }
      assertThat(accepted).hasSize(12);
      assertThat(ledger.balance(owner)).isZero();
      assertThat(
              jdbc.sql("select count(*) from run where owner_id = :o")
                  .param("o", owner)
                  .query(Integer.class)
                  .single())
          .as("a refused run is not stored")
          .isEqualTo(12);

      // Cancel every doomed run from the other node while the workers fail it.
      first.startPool(pool());
      second.startPool(pool());
      List<Future<Boolean>> cancels = new ArrayList<>();
      for (RunRecord run : accepted) {
        if (run.inputs().contains("doomed")) {
          cancels.add(threads.submit(() -> second.jobs.cancel(run.id(), "test")));
          cancels.add(threads.submit(() -> first.jobs.cancel(run.id(), "test")));
        }
      }
      for (Future<Boolean> cancel : cancels) {
        cancel.get();
      }
      await(
          Duration.ofSeconds(30),
          () -> accepted.stream().allMatch(r -> first.jobs.run(r.id()).status().isTerminal()));

      // A failed run put back by an operator that fails again is not refunded twice.
      RunRecord requeued = null;
      for (RunRecord run : accepted) {
        if (first.jobs.run(run.id()).status() == RunStatus.FAILED) {
          requeued = run;
        }
      }
      if (requeued != null) {
        UUID dead = first.jobs.tasks(requeued.id()).getFirst().id();
        assertThat(first.jobs.requeueDead(dead, "ops")).isTrue();
        RunRecord again = requeued;
        await(
            Duration.ofSeconds(30), () -> first.jobs.run(again.id()).status() == RunStatus.FAILED);
      }
      threads.shutdownNow();

      int refunds = 0;
      for (RunRecord run : accepted) {
        RunRecord done = first.jobs.run(run.id());
        boolean paidBack =
            done.status() == RunStatus.FAILED || done.status() == RunStatus.CANCELLED;
        assertThat(done.credits().charged()).isTrue();
        assertThat(done.credits().refunded())
            .as(done.inputs() + " " + done.status())
            .isEqualTo(paidBack);
        assertThat(
                jdbc.sql(
                        "select count(*) from credit_ledger where run_id = :r and reason = 'refund'")
                    .param("r", run.id())
                    .query(Integer.class)
                    .single())
            .isEqualTo(paidBack ? 1 : 0);
        refunds += paidBack ? 1 : 0;
        if (done.inputs().contains("ok") || done.inputs().contains("flaky")) {
          assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
        }
      }
      // Which runs won the race for credits varies; every doomed one among them is paid back.
      long doomed = accepted.stream().filter(r -> r.inputs().contains("doomed")).count();
      assertThat(doomed).isPositive();
      assertThat(refunds).isEqualTo(doomed);
      assertThat(ledger.balance(owner)).isEqualTo(doomed);
      List<CreditLedger.Entry> entries = ledger.entries(owner, 100);
      assertThat(entries).hasSize(1 + 12 + refunds);
      assertThat(entries.getFirst().balanceAfter()).isEqualTo(doomed);
    }
  }

  @Test
  void theLedgerIsAppendOnly() {
    ledger.grant(owner, 5, "test", Optional.of("welcome"));
    assertThatThrownBy(
            () ->
                jdbc.sql("update credit_ledger set amount = 500 where owner_id = :o")
                    .param("o", owner)
                    .update())
        .hasMessageContaining("append-only");
    assertThatThrownBy(
            () ->
                jdbc.sql("delete from credit_ledger where owner_id = :o")
                    .param("o", owner)
                    .update())
        .hasMessageContaining("append-only");
    assertThat(ledger.balance(owner)).isEqualTo(5);
    assertThatThrownBy(() -> ledger.grant(owner, 0, "test", Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private WorkerPoolOptions pool() {
    return WorkerPoolOptions.of("pool-" + q, Set.of(q), 4)
        .withTimings(Duration.ofMillis(50), Duration.ofSeconds(30), Duration.ofSeconds(10));
  }
}
