package dev.reelforge.testkit.jobs;

import dev.reelforge.core.jobs.memory.InMemoryJobStore;
import dev.reelforge.testkit.MutableClock;

/**
 * The in-memory store against the workers' contract. It lives here rather than in core's tests
 * because the testkit depends on core: core's tests cannot use the testkit without a cycle.
 */
class InMemoryTaskQueueContractTest extends TaskQueueContract {

  @Override
  protected Stores createStores(MutableClock clock) {
    InMemoryJobStore store = new InMemoryJobStore(clock);
    return new Stores(store.runStore(), store.taskQueue(), store::grantCredits);
  }
}
