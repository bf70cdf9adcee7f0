package dev.reelforge.app.cluster;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link UpkeepTask}s on one background thread: all of them while the process has the
 * {@code scheduler} role, only the every-node ones otherwise. A failed run is logged and tried
 * again at the next interval (the database or store may be restarting).
 */
@Component
@ConditionalOnWebApplication
public class Upkeep implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(Upkeep.class);

  private final List<UpkeepTask> tasks;
  private final NodeSettings node;
  private ScheduledExecutorService executor;
  private List<UpkeepTask> running = List.of();

  public Upkeep(List<UpkeepTask> tasks, NodeSettings node) {
    this.tasks = List.copyOf(tasks);
    this.node = node;
  }

  @Override
  public synchronized void start() {
    boolean scheduler = node.has(NodeSettings.Role.SCHEDULER);
    List<UpkeepTask> mine = tasks.stream().filter(t -> scheduler || t.everyNode()).toList();
    if (mine.isEmpty()) {
      return;
    }
    running = mine;
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("upkeep").daemon().unstarted(r));
    for (UpkeepTask task : mine) {
      executor.scheduleWithFixedDelay(
          () -> run(task),
          task.firstDelay().toMillis(),
          task.interval().toMillis(),
          TimeUnit.MILLISECONDS);
    }
  }

  private static void run(UpkeepTask task) {
    try {
      int removed = task.action().run();
      if (removed > 0) {
        LOG.info("upkeep {}: removed {}", task.name(), removed);
      }
    } catch (RuntimeException e) {
      LOG.warn(
          "upkeep {} failed, next try in {}: {}", task.name(), task.interval(), e.getMessage());
    }
  }

  @Override
  public synchronized void stop() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
      running = List.of();
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }

  /** The names of the tasks this process runs. */
  public synchronized List<String> taskNames() {
    return running.stream().map(UpkeepTask::name).toList();
  }
}
