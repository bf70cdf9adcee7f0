package dev.reelforge.clips;

import dev.reelforge.core.jobs.api.StageContext;
import dev.reelforge.core.render.Cancellation;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Cancellation} that follows a stage's cancellation, so FFmpeg processes and renders stop
 * when the run is cancelled or the stage times out.
 */
final class CancelBridge implements AutoCloseable {

  private static final ScheduledExecutorService WATCHER =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "clips-cancel-watch");
            t.setDaemon(true);
            return t;
          });

  private final Cancellation cancellation = new Cancellation();
  private final java.util.concurrent.ScheduledFuture<?> watch;

  CancelBridge(StageContext context) {
    watch =
        WATCHER.scheduleWithFixedDelay(
            () -> {
              if (context.isCancelled()) {
                cancellation.cancel();
              }
            },
            200,
            200,
            TimeUnit.MILLISECONDS);
  }

  Cancellation cancellation() {
    return cancellation;
  }

  @Override
  public void close() {
    watch.cancel(false);
  }
}
