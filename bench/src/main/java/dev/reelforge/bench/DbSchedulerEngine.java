package dev.reelforge.bench;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * db-scheduler 16.12.0 configured as a tuned user would for a queue: lock-and-fetch polling (SELECT
 * … FOR UPDATE SKIP LOCKED), priority enabled, a 100 ms polling interval and immediate execution of
 * tasks scheduled on the same node.
 */
final class DbSchedulerEngine implements Engine {

  private final DataSource dataSource;
  private final int workers;
  private final AtomicInteger executed = new AtomicInteger();
  private final LatencyProbe probe = new LatencyProbe();
  private final OneTimeTask<Void> task;
  private final SchedulerClient client;
  private Scheduler scheduler;

  DbSchedulerEngine(DataSource dataSource, int workers) {
    this.dataSource = dataSource;
    this.workers = workers;
    this.task =
        Tasks.oneTime("noop")
            .execute(
                (instance, context) -> {
                  probe.started(Integer.parseInt(instance.getId()));
                  executed.incrementAndGet();
                });
    this.client = SchedulerClient.Builder.create(dataSource, task).enablePriority().build();
  }

  @Override
  public String name() {
    return "db-scheduler 16.12.0";
  }

  @Override
  public void settle() throws Exception {
    try (java.sql.Connection c = dataSource.getConnection();
        java.sql.Statement s = c.createStatement()) {
      s.execute("vacuum analyze scheduled_tasks");
    }
  }

  @Override
  public void enqueue(int count) {
    Instant now = Instant.now();
    for (int i = 0; i < count; i++) {
      client.scheduleIfNotExists(task.instance(Integer.toString(-1 - i)), now);
    }
  }

  @Override
  public long drain(int count) throws Exception {
    executed.set(0);
    long start = System.nanoTime();
    startScheduler();
    while (executed.get() < count) {
      Thread.sleep(5);
    }
    return System.nanoTime() - start;
  }

  @Override
  public long[] latencies(int count, int perSecond) throws Exception {
    startScheduler();
    Thread.sleep(500);
    // Through the scheduler itself, so that its immediate-execution wake-up applies.
    return probe.measure(
        count,
        perSecond,
        i -> scheduler.scheduleIfNotExists(task.instance(Integer.toString(i)), Instant.now()));
  }

  private void startScheduler() {
    if (scheduler != null) {
      return;
    }
    scheduler =
        Scheduler.create(dataSource, task)
            .threads(workers)
            .pollingInterval(Duration.ofMillis(100))
            .pollUsingLockAndFetch(0.5, 1.0)
            .enablePriority()
            .enableImmediateExecution()
            .build();
    scheduler.start();
  }

  @Override
  public void close() {
    if (scheduler != null) {
      scheduler.stop();
    }
  }
}
