package dev.reelforge.core.jobs.spi;

import java.util.UUID;

/**
 * Wakes idle workers: the store announces new ready work and cancelled runs, on every node. Workers
 * also poll, so a lost signal delays work by at most the poll interval.
 */
public interface WorkSignal extends AutoCloseable {

  /** Starts delivering signals to {@code listener}. */
  void subscribe(Listener listener);

  /** Whether signals arrive now (false while reconnecting); workers then rely on polling. */
  boolean isConnected();

  @Override
  void close();

  /** Receives signals; called on the signal's own thread, so it must return quickly. */
  interface Listener {
    void workAvailable(String queue);

    void runCancelled(UUID runId);
  }
}
