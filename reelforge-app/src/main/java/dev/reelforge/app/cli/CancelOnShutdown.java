package dev.reelforge.app.cli;

import dev.reelforge.core.render.Cancellation;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C (the JVM shutting down) into a {@link Cancellation} for the work in progress, and
 * holds the exit until that work has stopped FFmpeg and removed its temporary files (at most 20 s).
 * Closing it, when the work ends, releases the hold and removes the hook.
 */
final class CancelOnShutdown implements AutoCloseable {

  private final Cancellation cancellation = new Cancellation();
  private final CountDownLatch finished = new CountDownLatch(1);
  private final Thread hook;

  CancelOnShutdown(String name) {
    hook =
        new Thread(
            () -> {
              cancellation.cancel();
              try {
                finished.await(20, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            name);
    Runtime.getRuntime().addShutdownHook(hook);
  }

  Cancellation cancellation() {
    return cancellation;
  }

  @Override
  public void close() {
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running: the JVM is exiting on Ctrl-C.
    }
  }
}
