package dev.reelforge.testkit.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.jobs.api.ReviewSignal;
import dev.reelforge.core.jobs.api.StageDefinition;
import dev.reelforge.core.jobs.spi.ClaimRequest;
import dev.reelforge.core.jobs.spi.ClaimedTask;
import dev.reelforge.core.jobs.spi.HeartbeatResult;
import dev.reelforge.core.jobs.spi.JobError;
import dev.reelforge.core.jobs.spi.NewRun;
import dev.reelforge.core.jobs.spi.QueueStats;
import dev.reelforge.core.jobs.spi.RunEvent;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.core.jobs.spi.RunStatus;
import dev.reelforge.core.jobs.spi.RunStore;
import dev.reelforge.core.jobs.spi.TaskLease;
import dev.reelforge.core.jobs.spi.TaskQueue;
import dev.reelforge.core.jobs.spi.TaskRecord;
import dev.reelforge.core.jobs.spi.TaskStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link TaskQueue} + {@link RunStore} pair must honour from the workers' side,
 * written against the ports only ({@link RunStoreContract} covers the users' and operators' side).
 * Each test uses queues of its own, so implementations may share one database.
 */
public abstract class TaskQueueContract extends JobStoreFixture {

  // --- claiming ---

  @Test
  void handsOutEachReadyTaskOnce() {
    for (int i = 0; i < 20; i++) {
      submit(StageDefinition.of("only", q));
    }
    List<UUID> seen = new ArrayList<>();
    assertThat(claim(7)).hasSize(7).allSatisfy(t -> seen.add(t.lease().taskId()));
    assertThat(claim(7)).hasSize(7).allSatisfy(t -> seen.add(t.lease().taskId()));
    assertThat(claim(7)).hasSize(6).allSatisfy(t -> seen.add(t.lease().taskId()));
    assertThat(claim(7)).isEmpty();
    assertThat(seen).doesNotHaveDuplicates().hasSize(20);
  }

  @Test
  void concurrentWorkersNeverShareATask() throws Exception {
    for (int i = 0; i < 200; i++) {
      submit(StageDefinition.of("only", q));
    }
    Map<UUID, String> owners = new ConcurrentHashMap<>();
    AtomicInteger duplicates = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> workers = new ArrayList<>();
    for (int w = 0; w < 8; w++) {
      String worker = "w" + w;
      workers.add(
          pool.submit(
              () -> {
                List<ClaimedTask> batch;
                do {
                  batch = queue.claim(new ClaimRequest(worker, Set.of(q), Set.of("cpu"), 5, LEASE));
                  for (ClaimedTask task : batch) {
                    if (owners.putIfAbsent(task.lease().taskId(), worker) != null) {
                      duplicates.incrementAndGet();
                    }
                  }
                } while (!batch.isEmpty());
              }));
    }
    for (Future<?> worker : workers) {
      worker.get();
    }
    pool.shutdown();
    assertThat(duplicates).hasValue(0);
    assertThat(owners).hasSize(200);
  }

  @Test
  void highestPriorityFirstThenOldest() {
    RunRecord low = submit(0, StageDefinition.of("only", q));
    clock.advance(Duration.ofSeconds(1));
    RunRecord high = submit(5, StageDefinition.of("only", q));
    clock.advance(Duration.ofSeconds(1));
    RunRecord lowLater = submit(0, StageDefinition.of("only", q));
    assertThat(claim(3))
        .extracting(ClaimedTask::runId)
        .containsExactly(high.id(), low.id(), lowLater.id());
  }

  @Test
  void onlyWorkersWithTheRequiredTagsGetATask() {
    submit(StageDefinition.of("encode", q).requires("gpu"));
    assertThat(queue.claim(new ClaimRequest("cpu-only", Set.of(q), Set.of("cpu"), 5, LEASE)))
        .isEmpty();
    assertThat(queue.claim(new ClaimRequest("gpu", Set.of(q), Set.of("cpu", "gpu"), 5, LEASE)))
        .hasSize(1);
  }

  @Test
  void claimingStartsTheRunAndHandsOverItsInputs() {
    RunRecord run = submit(StageDefinition.of("only", q));
    assertThat(run.status()).isEqualTo(RunStatus.QUEUED);
    ClaimedTask task = claimOne();
    assertThat(task.inputs()).contains("\"topic\"");
    assertThat(task.lease().attempt()).isEqualTo(1);
    assertThat(task.ownerId()).isEqualTo(owner);
    RunRecord started = runs.findRun(run.id()).orElseThrow();
    assertThat(started.status()).isEqualTo(RunStatus.RUNNING);
    assertThat(started.currentStage()).contains("only");
    assertThat(started.startedAt()).contains(clock.instant());
  }

  // --- outcomes ---

  @Test
  void fanInWaitsForEveryBranchAndReceivesTheirOutputs() {
    RunRecord run =
        submit(
            StageDefinition.of("a", q),
            StageDefinition.of("b", q).after("a"),
            StageDefinition.of("c", q).after("a"),
            StageDefinition.of("d", q).after("b", "c"));
    ClaimedTask a = claimOne();
    assertThat(a.stage()).isEqualTo("a");
    assertThat(claim(5)).isEmpty();
    assertThat(queue.complete(a.lease(), "{\"from\":\"a\"}")).isTrue();

    List<ClaimedTask> branches = claim(5);
    assertThat(branches).extracting(ClaimedTask::stage).containsExactlyInAnyOrder("b", "c");
    assertThat(compact(branches.getFirst().dependencyOutputs().get("a")))
        .isEqualTo("{\"from\":\"a\"}");
    ClaimedTask b = branches.stream().filter(t -> t.stage().equals("b")).findFirst().orElseThrow();
    ClaimedTask c = branches.stream().filter(t -> t.stage().equals("c")).findFirst().orElseThrow();
    queue.complete(b.lease(), "{\"from\":\"b\"}");
    assertThat(claim(5)).as("d waits for c").isEmpty();
    queue.complete(c.lease(), "{\"from\":\"c\"}");

    ClaimedTask d = claimOne();
    assertThat(d.stage()).isEqualTo("d");
    assertThat(d.dependencyOutputs()).containsOnlyKeys("b", "c");
    queue.complete(d.lease(), "{\"video\":\"final.mp4\"}");
    RunRecord done = runs.findRun(run.id()).orElseThrow();
    assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(done.artifacts()).contains("final.mp4").doesNotContain("from");
    assertThat(done.completedAt()).contains(clock.instant());
  }

  @Test
  void aDelayedTaskWaitsForItsTimeAndFailuresCountAttempts() {
    RunRecord run = submit(StageDefinition.of("only", q));
    ClaimedTask first = claimOne();
    JobError error = new JobError(ErrorCode.EXTERNAL_API_ERROR, "HTTP 502", "only", true);
    assertThat(
            queue.retryLater(
                first.lease(),
                clock.instant().plusSeconds(10),
                Optional.empty(),
                Optional.of(error)))
        .isTrue();
    assertThat(claim(1)).isEmpty();
    TaskRecord waiting = runs.tasksOf(run.id()).getFirst();
    assertThat(waiting.status()).isEqualTo(TaskStatus.READY);
    assertThat(waiting.runAfter()).isEqualTo(clock.instant().plusSeconds(10));
    assertThat(waiting.lastError()).map(JobError::code).contains(ErrorCode.EXTERNAL_API_ERROR);
    clock.advance(Duration.ofSeconds(10));
    assertThat(claimOne().lease().attempt()).isEqualTo(2);
  }

  @Test
  void pollingLaterDoesNotCountAnAttemptAndKeepsTheCheckpoint() {
    submit(StageDefinition.of("poll", q));
    ClaimedTask first = claimOne();
    queue.retryLater(
        first.lease(),
        clock.instant().plusSeconds(2),
        Optional.of("{\"job\":\"x1\"}"),
        Optional.empty());
    clock.advance(Duration.ofSeconds(2));
    ClaimedTask second = claimOne();
    assertThat(second.lease().attempt()).isEqualTo(1);
    assertThat(second.checkpoint()).hasValueSatisfying(c -> assertThat(c).contains("x1"));
  }

  @Test
  void checkpointsSurviveAFailedAttempt() {
    submit(StageDefinition.of("long", q));
    ClaimedTask first = claimOne();
    assertThat(queue.saveCheckpoint(first.lease(), "{\"segmentsDone\":3}")).isTrue();
    queue.retryLater(
        first.lease(),
        clock.instant(),
        Optional.empty(),
        Optional.of(new JobError(ErrorCode.TIMEOUT, "slow", "long", true)));
    assertThat(claimOne().checkpoint()).hasValueSatisfying(c -> assertThat(c).contains("3"));
  }

  @Test
  void aDeadTaskFailsItsRunAndCanBeRequeued() {
    RunRecord run = submit(StageDefinition.of("a", q), StageDefinition.of("b", q).after("a"));
    ClaimedTask a = claimOne();
    JobError error = new JobError(ErrorCode.TTS_FAILED, "voice rejected the text", "a", false);
    assertThat(queue.kill(a.lease(), error)).isTrue();
    RunRecord failed = runs.findRun(run.id()).orElseThrow();
    assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
    assertThat(failed.error()).contains(error);
    List<TaskRecord> dead = runs.tasksIn(TaskStatus.DEAD, Optional.of(q), 10);
    assertThat(dead).hasSize(1);

    assertThat(runs.requeueDead(dead.getFirst().id(), "operator")).isTrue();
    assertThat(runs.requeueDead(dead.getFirst().id(), "operator")).as("only dead tasks").isFalse();
    RunRecord again = runs.findRun(run.id()).orElseThrow();
    assertThat(again.status()).isEqualTo(RunStatus.RUNNING);
    assertThat(again.error()).isEmpty();
    ClaimedTask retried = claimOne();
    assertThat(retried.lease().attempt()).isEqualTo(1);
    queue.complete(retried.lease(), "{}");
    queue.complete(claimOne().lease(), "{}");
    assertThat(runs.findRun(run.id()).orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
  }

  @Test
  void aFailedRunStartsNoOtherBranch() {
    RunRecord run = submit(StageDefinition.of("a", q), StageDefinition.of("b", q));
    List<ClaimedTask> both = claim(1);
    queue.kill(both.getFirst().lease(), new JobError(ErrorCode.RENDER_FAILED, "x", "a", false));
    assertThat(claim(5)).as("the other branch is held back").isEmpty();
    assertThat(runs.findRun(run.id()).orElseThrow().status()).isEqualTo(RunStatus.FAILED);
  }

  @Test
  void aStaleLeaseCannotChangeTheTask() {
    submit(StageDefinition.of("only", q));
    ClaimedTask first = claimOne();
    clock.advance(LEASE.plusSeconds(1));
    assertThat(queue.reapExpiredLeases()).isGreaterThanOrEqualTo(1);
    ClaimedTask second = claimOne();
    assertThat(second.lease().attempt()).isEqualTo(2);
    assertThat(queue.complete(first.lease(), "{\"stale\":true}")).isFalse();
    assertThat(queue.saveCheckpoint(first.lease(), "{}")).isFalse();
    assertThat(queue.complete(second.lease(), "{}")).isTrue();
  }

  @Test
  void theReaperKillsATaskThatUsedItsLastAttempt() {
    RunRecord run = submit(StageDefinition.of("only", q));
    ClaimedTask task = claimOne();
    for (int attempt = 1; attempt < 3; attempt++) {
      clock.advance(LEASE.plusSeconds(1));
      queue.reapExpiredLeases();
      task = claimOne();
    }
    assertThat(task.lease().attempt()).isEqualTo(3);
    clock.advance(LEASE.plusSeconds(1));
    queue.reapExpiredLeases();
    assertThat(runs.findRun(run.id()).orElseThrow().status()).isEqualTo(RunStatus.FAILED);
    assertThat(runs.tasksOf(run.id()).getFirst().status()).isEqualTo(TaskStatus.DEAD);
  }

  @Test
  void heartbeatsExtendLeasesAndReportCancellationAndLoss() {
    RunRecord kept = submit(StageDefinition.of("only", q));
    RunRecord cancelled = submit(StageDefinition.of("only", q));
    List<ClaimedTask> tasks = claim(2);
    ClaimedTask keptTask =
        tasks.stream().filter(t -> t.runId().equals(kept.id())).findFirst().orElseThrow();
    ClaimedTask cancelledTask =
        tasks.stream().filter(t -> t.runId().equals(cancelled.id())).findFirst().orElseThrow();
    assertThat(runs.cancel(cancelled.id(), "user")).isTrue();
    assertThat(runs.findRun(cancelled.id()).orElseThrow().status()).isEqualTo(RunStatus.CANCELLED);

    clock.advance(LEASE.minusSeconds(5));
    HeartbeatResult beat =
        queue.heartbeat("worker", List.of(keptTask.lease(), cancelledTask.lease()), LEASE);
    assertThat(beat.lost()).isEmpty();
    assertThat(beat.cancelRequested()).containsExactly(cancelledTask.lease().taskId());
    assertThat(queue.acknowledgeCancel(cancelledTask.lease())).isTrue();

    clock.advance(Duration.ofSeconds(10));
    queue.reapExpiredLeases();
    assertThat(runs.tasksOf(kept.id()).getFirst().status())
        .as("the heartbeat extended the lease past the reaper")
        .isEqualTo(TaskStatus.RUNNING);
    clock.advance(LEASE);
    queue.reapExpiredLeases();
    HeartbeatResult late = queue.heartbeat("worker", List.of(keptTask.lease()), LEASE);
    assertThat(late.lost()).containsExactly(keptTask.lease().taskId());
    assertThat(runs.cancel(cancelled.id(), "user")).as("already ended").isFalse();
  }

  @Test
  void aTaskOfACancelledRunNeverRunsAgain() {
    RunRecord polling = submit(StageDefinition.of("poll", q));
    RunRecord stopping = submit(StageDefinition.of("poll", q));
    RunRecord failing = submit(StageDefinition.of("poll", q));
    List<ClaimedTask> tasks = claim(3);
    for (RunRecord run : List.of(polling, stopping, failing)) {
      runs.cancel(run.id(), "user");
    }
    // Each handler answered before it noticed the cancellation.
    assertThat(
            queue.retryLater(
                leaseOf(tasks, polling), clock.instant(), Optional.empty(), Optional.empty()))
        .isTrue();
    assertThat(queue.release(leaseOf(tasks, stopping))).isTrue();
    JobError error = new JobError(ErrorCode.RENDER_FAILED, "x", "poll", false);
    assertThat(queue.kill(leaseOf(tasks, failing), error)).isTrue();
    assertThat(claim(5)).isEmpty();
    for (RunRecord run : List.of(polling, stopping, failing)) {
      assertThat(runs.tasksOf(run.id()).getFirst().status()).isEqualTo(TaskStatus.CANCELLED);
      assertThat(runs.findRun(run.id()).orElseThrow().status()).isEqualTo(RunStatus.CANCELLED);
    }
    assertThat(runs.tasksIn(TaskStatus.DEAD, Optional.of(q), 10)).isEmpty();
  }

  @Test
  void aRequeuedRunCanStillBeCancelled() {
    RunRecord run = submit(StageDefinition.of("a", q), StageDefinition.of("b", q));
    List<ClaimedTask> both = claim(2);
    queue.kill(both.getFirst().lease(), new JobError(ErrorCode.RENDER_FAILED, "x", "a", false));
    assertThat(runs.findRun(run.id()).orElseThrow().status()).isEqualTo(RunStatus.FAILED);
    UUID dead = runs.tasksIn(TaskStatus.DEAD, Optional.of(q), 10).getFirst().id();
    // A failed run cannot be cancelled (it already ended), so it stays requeueable...
    assertThat(runs.cancel(run.id(), "user")).isFalse();
    assertThat(runs.requeueDead(dead, "ops")).isTrue();
    // ...but once cancelled, nothing of it runs again.
    assertThat(runs.cancel(run.id(), "user")).isTrue();
    queue.acknowledgeCancel(both.get(1).lease());
    assertThat(claim(5)).isEmpty();
  }

  private static TaskLease leaseOf(List<ClaimedTask> tasks, RunRecord run) {
    return tasks.stream().filter(t -> t.runId().equals(run.id())).findFirst().orElseThrow().lease();
  }

  @Test
  void releasingGivesTheTaskBackWithoutSpendingAnAttempt() {
    submit(StageDefinition.of("only", q));
    ClaimedTask task = claimOne();
    assertThat(queue.release(task.lease())).isTrue();
    assertThat(claimOne().lease().attempt()).isEqualTo(1);
  }

  @Test
  void reviewParksTheRunUntilASignal() {
    RunRecord run =
        submit(StageDefinition.of("draft", q), StageDefinition.of("publish", q).after("draft"));
    ClaimedTask draft = claimOne();
    assertThat(queue.awaitReview(draft.lease(), "{\"title\":\"first\"}")).isTrue();
    assertThat(runs.findRun(run.id()).orElseThrow().status()).isEqualTo(RunStatus.AWAITING_REVIEW);
    assertThatThrownBy(() -> runs.signalReview(run.id(), "publish", approve(Optional.empty())))
        .isInstanceOf(ReelForgeException.class)
        .extracting(e -> ((ReelForgeException) e).code())
        .isEqualTo(ErrorCode.CONFLICT);

    runs.signalReview(
        run.id(),
        "draft",
        new ReviewSignal(ReviewSignal.Decision.CHANGE, Optional.of("make it shorter"), "editor"));
    assertThat(runs.findRun(run.id()).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
    ClaimedTask revised = claimOne();
    assertThat(revised.reviewSignal())
        .hasValueSatisfying(
            s -> {
              assertThat(s.decision()).isEqualTo(ReviewSignal.Decision.CHANGE);
              assertThat(s.payload()).contains("make it shorter");
              assertThat(s.actor()).isEqualTo("editor");
            });
    queue.awaitReview(revised.lease(), "{\"title\":\"second\"}");
    runs.signalReview(run.id(), "draft", approve(Optional.empty()));

    ClaimedTask publish = claimOne();
    assertThat(publish.dependencyOutputs().get("draft")).contains("second");
    queue.complete(publish.lease(), "{}");
    assertThat(runs.findRun(run.id()).orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
  }

  @Test
  void reRollingDiscardsTheCheckpoint() {
    RunRecord run = submit(StageDefinition.of("draft", q));
    ClaimedTask draft = claimOne();
    queue.saveCheckpoint(draft.lease(), "{\"seed\":1}");
    queue.awaitReview(draft.lease(), "{}");
    runs.signalReview(
        run.id(), "draft", new ReviewSignal(ReviewSignal.Decision.REROLL, Optional.empty(), "r"));
    assertThat(claimOne().checkpoint()).isEmpty();
  }

  // --- submission, idempotency, events, stats ---

  @Test
  void aRepeatedIdempotencyKeyReturnsTheFirstRun() {
    NewRun first = plan(0, Optional.of("key-1"), StageDefinition.of("only", q));
    RunStore.SubmitResult created = runs.submit(first);
    RunStore.SubmitResult again =
        runs.submit(plan(0, Optional.of("key-1"), StageDefinition.of("only", q)));
    assertThat(created.created()).isTrue();
    assertThat(again.created()).isFalse();
    assertThat(again.run().id()).isEqualTo(created.run().id());
    assertThat(runs.findByIdempotencyKey(owner, "key-1")).map(RunRecord::id).contains(first.id());
    assertThat(claim(5)).hasSize(1);
  }

  @Test
  void concurrentSubmitsWithOneKeyCreateOneRun() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<RunStore.SubmitResult>> results = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      results.add(
          pool.submit(
              () -> runs.submit(plan(0, Optional.of("same"), StageDefinition.of("only", q)))));
    }
    Set<UUID> ids = ConcurrentHashMap.newKeySet();
    int created = 0;
    for (Future<RunStore.SubmitResult> result : results) {
      ids.add(result.get().run().id());
      created += result.get().created() ? 1 : 0;
    }
    pool.shutdown();
    assertThat(ids).hasSize(1);
    assertThat(created).isEqualTo(1);
    assertThat(claim(20)).hasSize(1);
  }

  @Test
  void eventsOfARunHaveIncreasingIdsInCommitOrder() {
    RunRecord run = submit(StageDefinition.of("a", q), StageDefinition.of("b", q).after("a"));
    ClaimedTask a = claimOne();
    queue.progress(a.lease(), 0.5, "half way");
    queue.complete(a.lease(), "{}");
    queue.complete(claimOne().lease(), "{}");
    List<RunEvent> events = runs.events(run.id(), 0, 100);
    assertThat(events).extracting(RunEvent::sequence).isSorted().doesNotHaveDuplicates();
    assertThat(events)
        .extracting(RunEvent::type)
        .containsExactly(
            "run.queued",
            "run.running",
            "stage.started",
            "progress",
            "stage.completed",
            "stage.started",
            "stage.completed",
            "run.succeeded");
    assertThat(events.get(3).data()).contains("half way");
    long fifth = events.get(4).sequence();
    assertThat(runs.events(run.id(), fifth, 100))
        .extracting(RunEvent::type)
        .containsExactly("stage.started", "stage.completed", "run.succeeded");
    assertThat(runs.events(run.id(), 0, 2)).hasSize(2);
    assertThat(events.getFirst().at()).isEqualTo(clock.instant());
  }

  @Test
  void queueStatsShowDepthDelayAndTheOldestWait() {
    submit(StageDefinition.of("only", q));
    clock.advance(Duration.ofSeconds(30));
    submit(StageDefinition.of("only", q));
    ClaimedTask delayed = null;
    submit(StageDefinition.of("only", q));
    List<ClaimedTask> claimed = claim(1);
    delayed = claimed.getFirst();
    queue.retryLater(
        delayed.lease(), clock.instant().plusSeconds(60), Optional.empty(), Optional.empty());
    clock.advance(Duration.ofSeconds(15));
    QueueStats stats =
        runs.queueStats().stream().filter(s -> s.queue().equals(q)).findFirst().orElseThrow();
    assertThat(stats.ready()).isEqualTo(2);
    assertThat(stats.delayed()).isEqualTo(1);
    assertThat(stats.running()).isZero();
    assertThat(stats.oldestReadyAge()).contains(Duration.ofSeconds(15));
    assertThat(runs.depth(q)).isEqualTo(3);
  }

  @Test
  void cancellingAQueuedRunCancelsItsTasks() {
    RunRecord run = submit(StageDefinition.of("a", q), StageDefinition.of("b", q).after("a"));
    assertThat(runs.cancel(run.id(), "user")).isTrue();
    assertThat(runs.tasksOf(run.id()))
        .allSatisfy(t -> assertThat(t.status()).isEqualTo(TaskStatus.CANCELLED));
    assertThat(claim(5)).isEmpty();
    assertThatThrownBy(() -> runs.cancel(UUID.randomUUID(), "user"))
        .isInstanceOf(ReelForgeException.class)
        .hasMessageContaining("not found");
  }

  // --- helpers ---

  private ReviewSignal approve(Optional<String> replacement) {
    return new ReviewSignal(ReviewSignal.Decision.APPROVE, replacement, "editor");
  }
}
