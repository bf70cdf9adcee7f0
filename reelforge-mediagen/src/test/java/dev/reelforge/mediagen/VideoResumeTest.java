package dev.reelforge.mediagen;

import static dev.reelforge.mediagen.ScriptedVendor.doneAfter;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.jobs.engine.LeaseReaper;
import dev.reelforge.core.jobs.engine.WorkerPoolOptions;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.core.jobs.spi.RunStatus;
import dev.reelforge.core.jobs.spi.TaskStatus;
import dev.reelforge.mediagen.engines.VideoEngines;
import dev.reelforge.testkit.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A video job whose process stops while the vendor works is continued by another process (new
 * pipelines, new engine instances, the same job store and vendor) from its checkpoint: it polls the
 * vendor's job and never pays for a second one.
 */
class VideoResumeTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-05-04T09:00:00Z"));

  private final ScriptedVendor kling =
      new ScriptedVendor(VideoEngines.KLING, clock, doneAfter(3, Duration.ofSeconds(15)));

  @TempDir Path dir;

  private VideoEngines process() {
    return VideoEngines.of(List.of(new ScriptedVideoEngine(kling)), clock);
  }

  @Test
  void aJobWhoseProcessStoppedBetweenPollsIsPolledByTheNextOneWithoutASecondSubmit() {
    try (MediaHarness media = MediaHarness.start(dir, clock, ScriptedImages.png(), process())) {
      UUID job = media.submitVideo(MediaHarness.textVideo(null));
      media.awaitDelayed(job);
      media.advanceToDueTask(job);
      media.awaitDelayed(job); // one poll by the first process
      assertThat(kling.polls.get()).isEqualTo(1);
      media.stopPools();

      ScriptedVideoEngine afterRestart = new ScriptedVideoEngine(kling);
      media.restart(VideoEngines.of(List.of(afterRestart), clock));
      RunRecord run = media.awaitEnd(job);

      assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
      assertThat(kling.submits.get()).isEqualTo(1);
      assertThat(afterRestart.polls.get()).as("the new process polled").isEqualTo(2);
      assertThat(MediaPipelines.videoResult(run).orElseThrow().enginesTried())
          .containsExactly("kling");
    }
  }

  @Test
  void aWorkerThatHangsMidPollLosesTheTaskAtLeaseExpiryAndAnotherFinishesItWithoutASecondSubmit()
      throws InterruptedException {
    // Heartbeats every 29 s of real time: none during the test, so the hung worker's lease
    // expires when the clock is moved past it, as when its process froze or died.
    try (MediaHarness media =
        MediaHarness.start(
            dir, clock, ScriptedImages.png(), process(), 1, Duration.ofSeconds(29))) {
      UUID job = media.submitVideo(MediaHarness.textVideo(null));
      media.awaitDelayed(job);
      CountDownLatch release = new CountDownLatch(1);
      kling.pollGate = release;
      media.advanceToDueTask(job);
      assertThat(kling.pollReachedGate.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(media.task(job).status()).isEqualTo(TaskStatus.RUNNING);

      clock.advance(WorkerPoolOptions.DEFAULT_LEASE.plusSeconds(1));
      assertThat(new LeaseReaper(media.jobStore.taskQueue(), Duration.ofSeconds(5)).reapOnce())
          .isEqualTo(1);
      media.restart(process());
      RunRecord run = media.awaitEnd(job);
      release.countDown(); // the hung worker wakes up; what it answers is refused (stale lease)

      assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
      assertThat(kling.submits.get()).isEqualTo(1);
      assertThat(media.jobs.run(job).status()).isEqualTo(RunStatus.SUCCEEDED);
    }
  }
}
