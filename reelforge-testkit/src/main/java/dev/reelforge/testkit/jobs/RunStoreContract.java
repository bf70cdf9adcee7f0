package dev.reelforge.testkit.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.jobs.api.ReviewSignal;
import dev.reelforge.core.jobs.api.StageDefinition;
import dev.reelforge.core.jobs.spi.ClaimedTask;
import dev.reelforge.core.jobs.spi.Credits;
import dev.reelforge.core.jobs.spi.JobError;
import dev.reelforge.core.jobs.spi.NewRun;
import dev.reelforge.core.jobs.spi.QueueStats;
import dev.reelforge.core.jobs.spi.RunEvent;
import dev.reelforge.core.jobs.spi.RunQuery;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.core.jobs.spi.RunStatus;
import dev.reelforge.core.jobs.spi.RunStore;
import dev.reelforge.core.jobs.spi.TaskRecord;
import dev.reelforge.core.jobs.spi.TaskStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link RunStore} must honour from the users' and operators' side: submitting
 * (with idempotency keys and credits), reading and listing runs and tasks, cancelling, answering
 * reviews, requeueing dead letters, the event log and queue statistics. The workers' side is {@link
 * TaskQueueContract}; this one uses the queue only to move runs along.
 */
public abstract class RunStoreContract extends JobStoreFixture {

  private static final String INPUTS = "{\"topic\":\"tides\"}";

  // --- submitting ---

  @Test
  void aSubmittedRunIsQueuedWithItsFirstStagesReadyAndTheRestBlocked() {
    NewRun plan =
        plan(
            3,
            Optional.of("k-1"),
            StageDefinition.of("a", q),
            StageDefinition.of("b", q),
            StageDefinition.of("c", q).after("a", "b"));
    RunStore.SubmitResult result = runs.submit(plan);
    assertThat(result.created()).isTrue();
    RunRecord run = result.run();
    assertThat(run.id()).isEqualTo(plan.id());
    assertThat(run.ownerId()).isEqualTo(owner);
    assertThat(run.kind()).isEqualTo("contract");
    assertThat(run.status()).isEqualTo(RunStatus.QUEUED);
    assertThat(run.priority()).isEqualTo(3);
    assertThat(compact(run.inputs())).isEqualTo(INPUTS);
    assertThat(compact(run.artifacts())).isEqualTo("{}");
    assertThat(run.idempotencyKey()).contains("k-1");
    assertThat(run.credits()).isEqualTo(Credits.NONE);
    assertThat(run.error()).isEmpty();
    assertThat(run.currentStage()).isEmpty();
    assertThat(run.createdAt()).isEqualTo(clock.instant());
    assertThat(run.startedAt()).isEmpty();
    assertThat(run.completedAt()).isEmpty();
    assertThat(runs.findRun(run.id())).contains(run);

    List<TaskRecord> tasks = runs.tasksOf(run.id());
    assertThat(tasks)
        .extracting(TaskRecord::id)
        .containsExactlyElementsOf(
            plan.tasks().stream()
                .map(NewRun.NewTask::id)
                .sorted(JobStoreFixture::unsigned)
                .toList());
    assertThat(tasks)
        .allSatisfy(
            t -> {
              assertThat(t.runId()).isEqualTo(run.id());
              assertThat(t.ownerId()).isEqualTo(owner);
              assertThat(t.queue()).isEqualTo(q);
              assertThat(t.priority()).isEqualTo(3);
              assertThat(t.attempt()).isZero();
              assertThat(t.maxAttempts()).isEqualTo(3);
              assertThat(t.leaseOwner()).isEmpty();
              assertThat(t.lastError()).isEmpty();
              assertThat(t.createdAt()).isEqualTo(clock.instant());
              assertThat(t.status())
                  .isEqualTo(t.stage().equals("c") ? TaskStatus.BLOCKED : TaskStatus.READY);
            });
    assertThat(runs.events(run.id(), 0, 10))
        .extracting(RunEvent::type)
        .containsExactly("run.queued");
  }

  @Test
  void inputsThatAreNotJsonAreRefusedAndNothingIsStored() {
    NewRun good = plan(0, Optional.of("bad-json"), StageDefinition.of("only", q));
    NewRun bad =
        new NewRun(
            good.id(), owner, "contract", "{topic: tides", 0, good.idempotencyKey(), good.tasks());
    assertThatThrownBy(() -> runs.submit(bad))
        .isInstanceOfSatisfying(
            ReelForgeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
        .hasMessageContaining("inputs");
    assertThat(runs.findRun(bad.id())).isEmpty();
    assertThat(runs.findByIdempotencyKey(owner, "bad-json")).isEmpty();
    assertThat(runs.depth(q)).isZero();
  }

  @Test
  void idempotencyKeysBelongToTheirOwner() {
    UUID other = UUID.randomUUID();
    RunStore.SubmitResult mine =
        runs.submit(plan(0, Optional.of("shared"), StageDefinition.of("only", q)));
    RunStore.SubmitResult theirs =
        runs.submit(
            plan(other, "contract", 0, Optional.of("shared"), 0, StageDefinition.of("only", q)));
    RunStore.SubmitResult again =
        runs.submit(plan(0, Optional.of("shared"), StageDefinition.of("only", q)));
    assertThat(theirs.created()).as("another owner's key does not collide").isTrue();
    assertThat(theirs.run().id()).isNotEqualTo(mine.run().id());
    assertThat(again.created()).isFalse();
    assertThat(again.run()).isEqualTo(mine.run());
    assertThat(runs.findByIdempotencyKey(other, "shared"))
        .map(RunRecord::id)
        .contains(theirs.run().id());
    assertThat(runs.depth(q)).isEqualTo(2);
  }

  @Test
  void unknownRunsKeysAndTasksAreEmptyOrNotFound() {
    UUID nobody = UUID.randomUUID();
    assertThat(runs.findRun(nobody)).isEmpty();
    assertThat(runs.findByIdempotencyKey(owner, "never-used")).isEmpty();
    assertThat(runs.tasksOf(nobody)).isEmpty();
    assertThat(runs.events(nobody, 0, 10)).isEmpty();
    assertNotFound(() -> runs.cancel(nobody, "user"));
    assertNotFound(
        () ->
            runs.signalReview(
                nobody,
                "x",
                new ReviewSignal(ReviewSignal.Decision.APPROVE, Optional.empty(), "e")));
    assertNotFound(() -> runs.requeueDead(nobody, "ops"));
  }

  // --- reading ---

  @Test
  void listingFiltersByOwnerStatusAndKindNewestFirstAndPages() {
    List<RunRecord> mine = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      clock.advance(Duration.ofMillis(1)); // v7 ids order by time only across milliseconds
      String kind = i % 2 == 0 ? "even" : "odd";
      mine.add(
          runs.submit(plan(owner, kind, 0, Optional.empty(), 0, StageDefinition.of("only", q)))
              .run());
    }
    runs.submit(
        plan(UUID.randomUUID(), "even", 0, Optional.empty(), 0, StageDefinition.of("only", q)));
    runs.cancel(mine.get(1).id(), "user");
    RunQuery query = RunQuery.all(10).ownedBy(owner);

    assertThat(runs.listRuns(query))
        .extracting(RunRecord::id)
        .containsExactly(
            mine.get(4).id(),
            mine.get(3).id(),
            mine.get(2).id(),
            mine.get(1).id(),
            mine.get(0).id());
    assertThat(runs.listRuns(query.withStatuses(RunStatus.CANCELLED)))
        .extracting(RunRecord::id)
        .containsExactly(mine.get(1).id());
    assertThat(runs.listRuns(query.withStatuses(RunStatus.QUEUED, RunStatus.CANCELLED))).hasSize(5);
    assertThat(
            runs.listRuns(
                new RunQuery(
                    Optional.of(owner),
                    java.util.Set.of(),
                    Optional.of("even"),
                    Optional.empty(),
                    10)))
        .extracting(RunRecord::id)
        .containsExactly(mine.get(4).id(), mine.get(2).id(), mine.get(0).id());

    RunQuery firstPage =
        new RunQuery(Optional.of(owner), java.util.Set.of(), Optional.empty(), Optional.empty(), 2);
    List<RunRecord> page1 = runs.listRuns(firstPage);
    List<RunRecord> page2 =
        runs.listRuns(
            new RunQuery(
                Optional.of(owner),
                java.util.Set.of(),
                Optional.empty(),
                Optional.of(page1.getLast().id()),
                2));
    assertThat(page1).extracting(RunRecord::id).containsExactly(mine.get(4).id(), mine.get(3).id());
    assertThat(page2).extracting(RunRecord::id).containsExactly(mine.get(2).id(), mine.get(1).id());
    assertThat(runs.listRuns(RunQuery.all(RunQuery.MAX_LIMIT)))
        .as("an operator sees every owner's runs")
        .hasSizeGreaterThanOrEqualTo(6);
  }

  @Test
  void deadLettersAreListedOldestFirstPerQueueAndLimited() {
    List<UUID> deadTasks = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      submit(StageDefinition.of("only", q));
      ClaimedTask task = claimOne();
      queue.kill(task.lease(), new JobError(ErrorCode.RENDER_FAILED, "broken " + i, "only", false));
      deadTasks.add(task.lease().taskId());
      clock.advance(Duration.ofSeconds(1));
    }
    List<TaskRecord> dead = runs.tasksIn(TaskStatus.DEAD, Optional.of(q), 10);
    assertThat(dead).extracting(TaskRecord::id).containsExactlyElementsOf(deadTasks);
    assertThat(dead.getFirst().lastError())
        .hasValue(new JobError(ErrorCode.RENDER_FAILED, "broken 0", "only", false));
    assertThat(dead.getFirst().completedAt()).isPresent();
    assertThat(runs.tasksIn(TaskStatus.DEAD, Optional.of(q), 2)).hasSize(2);
    assertThat(runs.tasksIn(TaskStatus.DEAD, Optional.of(q + "-other"), 10)).isEmpty();
    assertThat(runs.tasksIn(TaskStatus.DEAD, Optional.empty(), RunQuery.MAX_LIMIT))
        .extracting(TaskRecord::id)
        .containsAll(deadTasks);
  }

  // --- cancelling ---

  @Test
  void cancellingAParkedRunCancelsTheTaskUnderReviewAndLogsWhoDidIt() {
    RunRecord run =
        submit(StageDefinition.of("draft", q), StageDefinition.of("publish", q).after("draft"));
    queue.awaitReview(claimOne().lease(), "{\"title\":\"first\"}");
    clock.advance(Duration.ofSeconds(5));
    assertThat(runs.cancel(run.id(), "alice")).isTrue();
    RunRecord cancelled = runs.findRun(run.id()).orElseThrow();
    assertThat(cancelled.status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(cancelled.completedAt()).contains(clock.instant());
    assertThat(runs.tasksOf(run.id()))
        .extracting(TaskRecord::status)
        .containsOnly(TaskStatus.CANCELLED);
    RunEvent last = runs.events(run.id(), 0, 100).getLast();
    assertThat(last.type()).isEqualTo("run.cancelled");
    assertThat(compact(last.data())).contains("\"actor\":\"alice\"");
    assertThatThrownBy(
            () ->
                runs.signalReview(
                    run.id(),
                    "draft",
                    new ReviewSignal(ReviewSignal.Decision.APPROVE, Optional.empty(), "bob")))
        .isInstanceOfSatisfying(
            ReelForgeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
    assertThat(runs.cancel(run.id(), "alice")).as("already ended").isFalse();
  }

  // --- reviews ---

  @Test
  void approvingWithAReplacementHandsItToTheNextStageAndLogsTheDecision() {
    RunRecord run =
        submit(StageDefinition.of("draft", q), StageDefinition.of("publish", q).after("draft"));
    queue.awaitReview(claimOne().lease(), "{\"title\":\"proposed\"}");
    runs.signalReview(
        run.id(),
        "draft",
        new ReviewSignal(
            ReviewSignal.Decision.APPROVE, Optional.of("{\"title\":\"edited\"}"), "editor"));
    RunRecord resumed = runs.findRun(run.id()).orElseThrow();
    assertThat(resumed.status()).isEqualTo(RunStatus.RUNNING);
    TaskRecord draft = taskOf(run, "draft");
    assertThat(draft.status()).isEqualTo(TaskStatus.SUCCEEDED);
    assertThat(draft.progress()).isEqualTo(1.0);

    ClaimedTask publish = claimOne();
    assertThat(publish.stage()).isEqualTo("publish");
    assertThat(compact(publish.dependencyOutputs().get("draft")))
        .isEqualTo("{\"title\":\"edited\"}");
    List<RunEvent> events = runs.events(run.id(), 0, 100);
    assertThat(events)
        .extracting(RunEvent::type)
        .containsSubsequence(
            "stage.awaiting_review",
            "run.awaiting_review",
            "review",
            "stage.completed",
            "run.running");
    RunEvent review =
        events.stream().filter(e -> e.type().equals("review")).findFirst().orElseThrow();
    assertThat(review.stage()).contains("draft");
    // The run's own event names the stage that waits (webhooks are told of run events).
    RunEvent waiting =
        events.stream()
            .filter(e -> e.type().equals("run.awaiting_review"))
            .findFirst()
            .orElseThrow();
    assertThat(compact(waiting.data())).isEqualTo("{\"stage\":\"draft\"}");
    assertThat(compact(review.data())).contains("\"decision\":\"approve\"", "\"actor\":\"editor\"");
  }

  @Test
  void aRequestedChangeKeepsTheCheckpointAndRestartsTheAttempts() {
    RunRecord run = submit(StageDefinition.of("draft", q));
    ClaimedTask first = claimOne();
    queue.saveCheckpoint(first.lease(), "{\"outline\":true}");
    queue.awaitReview(first.lease(), "{}");
    runs.signalReview(
        run.id(),
        "draft",
        new ReviewSignal(ReviewSignal.Decision.CHANGE, Optional.of("warmer tone"), "editor"));
    assertThat(taskOf(run, "draft").status()).isEqualTo(TaskStatus.READY);
    ClaimedTask again = claimOne();
    assertThat(again.lease().attempt()).isEqualTo(1);
    assertThat(again.checkpoint()).hasValueSatisfying(c -> assertThat(c).contains("outline"));
    assertThat(again.reviewSignal())
        .map(ReviewSignal::payload)
        .contains(Optional.of("warmer tone"));
    assertThatThrownBy(
            () ->
                runs.signalReview(
                    run.id(),
                    "draft",
                    new ReviewSignal(ReviewSignal.Decision.APPROVE, Optional.empty(), "editor")))
        .as("the stage runs again: nothing awaits review")
        .isInstanceOfSatisfying(
            ReelForgeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
  }

  // --- dead letters ---

  @Test
  void aDeadTaskOfACancelledRunStaysDead() {
    RunRecord run = submit(StageDefinition.of("a", q), StageDefinition.of("b", q));
    List<ClaimedTask> both = claim(2);
    for (ClaimedTask task : both) {
      queue.kill(task.lease(), new JobError(ErrorCode.RENDER_FAILED, "x", task.stage(), false));
    }
    UUID first = both.get(0).lease().taskId();
    UUID second = both.get(1).lease().taskId();
    assertThat(runs.requeueDead(first, "ops")).isTrue();
    assertThat(runs.cancel(run.id(), "user")).isTrue();
    assertThat(runs.requeueDead(second, "ops")).as("a cancelled run never runs again").isFalse();
    assertThat(runs.requeueDead(first, "ops")).as("cancelled, not dead").isFalse();
    assertThat(runs.tasksIn(TaskStatus.DEAD, Optional.of(q), 10))
        .extracting(TaskRecord::id)
        .containsExactly(second);
    assertThat(runs.findRun(run.id()).orElseThrow().status()).isEqualTo(RunStatus.CANCELLED);
  }

  @Test
  void requeueingClearsTheRunErrorAndReleasesItsHeldBackBranches() {
    RunRecord run =
        submit(
            StageDefinition.of("a", q),
            StageDefinition.of("b", q),
            StageDefinition.of("c", q).after("a", "b"));
    ClaimedTask failed = claimOne();
    String other = failed.stage().equals("a") ? "b" : "a";
    queue.kill(failed.lease(), new JobError(ErrorCode.RENDER_FAILED, "x", failed.stage(), false));
    assertThat(taskOf(run, other).status()).as("held back").isEqualTo(TaskStatus.BLOCKED);
    assertThat(runs.findRun(run.id()).orElseThrow().error()).isPresent();

    assertThat(runs.requeueDead(failed.lease().taskId(), "ops")).isTrue();
    RunRecord again = runs.findRun(run.id()).orElseThrow();
    assertThat(again.status()).isEqualTo(RunStatus.RUNNING);
    assertThat(again.error()).isEmpty();
    assertThat(again.completedAt()).isEmpty();
    TaskRecord requeued = taskOf(run, failed.stage());
    assertThat(requeued.status()).isEqualTo(TaskStatus.READY);
    assertThat(requeued.attempt()).isZero();
    assertThat(requeued.completedAt()).isEmpty();
    assertThat(taskOf(run, other).status()).isEqualTo(TaskStatus.READY);
    assertThat(taskOf(run, "c").status()).isEqualTo(TaskStatus.BLOCKED);
    assertThat(runs.events(run.id(), 0, 100))
        .extracting(RunEvent::type)
        .containsSubsequence("stage.dead", "run.failed", "stage.requeued", "run.running");
    assertThat(claim(5)).extracting(ClaimedTask::stage).containsExactlyInAnyOrder("a", "b");
  }

  // --- events, statistics ---

  @Test
  void eventsPageByTheirSequence() {
    RunRecord run = submit(StageDefinition.of("only", q));
    ClaimedTask task = claimOne();
    for (int i = 1; i <= 4; i++) {
      queue.progress(task.lease(), i / 4.0, "step " + i);
    }
    List<RunEvent> all = runs.events(run.id(), 0, 100);
    assertThat(all).hasSize(7);
    assertThat(all).allSatisfy(e -> assertThat(e.runId()).isEqualTo(run.id()));
    assertThat(all).extracting(RunEvent::sequence).isSorted().doesNotHaveDuplicates();
    List<RunEvent> page = runs.events(run.id(), all.get(2).sequence(), 2);
    assertThat(page).containsExactly(all.get(3), all.get(4));
    assertThat(runs.events(run.id(), all.getLast().sequence(), 100)).isEmpty();
    TaskRecord stored = runs.tasksOf(run.id()).getFirst();
    assertThat(stored.progress()).isEqualTo(1.0);
    assertThat(stored.progressMessage()).contains("step 4");
  }

  @Test
  void queueStatsCountRunningAndDeadAndDepthCountsWaitingTasksOnly() {
    submit(StageDefinition.of("a", q), StageDefinition.of("b", q).after("a"));
    submit(StageDefinition.of("a", q));
    submit(StageDefinition.of("a", q));
    List<ClaimedTask> claimed = claim(2);
    queue.kill(claimed.get(1).lease(), new JobError(ErrorCode.RENDER_FAILED, "x", "a", false));
    QueueStats stats =
        runs.queueStats().stream().filter(s -> s.queue().equals(q)).findFirst().orElseThrow();
    assertThat(stats.ready()).isEqualTo(1);
    assertThat(stats.delayed()).isZero();
    assertThat(stats.running()).isEqualTo(1);
    assertThat(stats.dead()).isEqualTo(1);
    assertThat(stats.oldestReadyAge()).contains(Duration.ZERO);
    assertThat(runs.depth(q)).as("blocked, running and dead tasks do not wait").isEqualTo(1);
    assertThat(runs.queueStats()).noneMatch(s -> s.queue().equals(q + "-empty"));
  }

  // --- credits ---

  @Test
  void creditsAreDebitedWithTheRunAndRefundedOnceHoweverOftenItFails() {
    credits.grant(owner, 10);
    RunRecord run =
        runs.submit(plan(owner, "contract", 0, Optional.empty(), 7, StageDefinition.of("a", q)))
            .run();
    assertThat(run.credits()).isEqualTo(new Credits(true, 7, false));
    assertThatThrownBy(
            () ->
                runs.submit(
                    plan(owner, "contract", 0, Optional.empty(), 4, StageDefinition.of("a", q))))
        .as("3 credits left")
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INSUFFICIENT_CREDITS));
    assertThat(runs.listRuns(RunQuery.all(10).ownedBy(owner))).hasSize(1);

    JobError error = new JobError(ErrorCode.RENDER_FAILED, "x", "a", false);
    queue.kill(claimOne().lease(), error);
    assertThat(runs.findRun(run.id()).orElseThrow().credits())
        .isEqualTo(new Credits(true, 7, true));
    runs.requeueDead(runs.tasksOf(run.id()).getFirst().id(), "ops");
    queue.kill(claimOne().lease(), error);
    assertThat(runs.events(run.id(), 0, 100))
        .extracting(RunEvent::type)
        .filteredOn(type -> type.equals("run.refunded"))
        .hasSize(1);
    // The refund came back: 10 - 7 + 7 = 10 credits, enough for a run of 10.
    assertThat(
            runs.submit(
                    plan(owner, "contract", 0, Optional.empty(), 10, StageDefinition.of("a", q)))
                .created())
        .isTrue();
  }

  @Test
  void aRunShortOfCreditsIsNotStored() {
    NewRun plan = plan(owner, "contract", 0, Optional.of("costly"), 5, StageDefinition.of("a", q));
    assertThatThrownBy(() -> runs.submit(plan))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INSUFFICIENT_CREDITS));
    assertThat(runs.findRun(plan.id())).isEmpty();
    assertThat(runs.findByIdempotencyKey(owner, "costly")).isEmpty();
    assertThat(runs.depth(q)).isZero();
  }

  // --- helpers ---

  private TaskRecord taskOf(RunRecord run, String stage) {
    return runs.tasksOf(run.id()).stream()
        .filter(t -> t.stage().equals(stage))
        .findFirst()
        .orElseThrow();
  }

  private static void assertNotFound(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND));
  }
}
