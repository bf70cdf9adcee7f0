package dev.reelforge.core.jobs.memory;

import dev.reelforge.core.jobs.spi.WorkSignal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@link WorkSignal} of an {@link InMemoryJobStore}: wakes a worker pool as soon as a store write
 * makes work ready or cancels a running task, instead of leaving it to its next poll. Listeners are
 * called on the thread that made the change, after the store's lock is released (as PostgreSQL
 * notifies after commit); they must return quickly. Always connected. Obtain it from {@link
 * InMemoryJobStore#workSignal()}.
 */
public final class InMemoryWorkSignal implements WorkSignal {

  private final JobState state;
  private final List<Listener> subscribed = new CopyOnWriteArrayList<>();

  InMemoryWorkSignal(JobState state) {
    this.state = state;
  }

  @Override
  public void subscribe(Listener listener) {
    subscribed.add(listener);
    state.subscribe(listener);
  }

  @Override
  public boolean isConnected() {
    return true;
  }

  /** Stops delivering to the listeners subscribed through this signal. */
  @Override
  public void close() {
    for (Listener listener : subscribed) {
      state.unsubscribe(listener);
    }
    subscribed.clear();
  }
}
