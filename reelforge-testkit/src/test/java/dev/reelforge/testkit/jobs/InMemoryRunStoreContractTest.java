package dev.reelforge.testkit.jobs;

import dev.reelforge.core.jobs.memory.InMemoryJobStore;
import dev.reelforge.testkit.MutableClock;

/** The in-memory store against the users' and operators' contract (see the queue's twin). */
class InMemoryRunStoreContractTest extends RunStoreContract {

  @Override
  protected Stores createStores(MutableClock clock) {
    InMemoryJobStore store = new InMemoryJobStore(clock);
    return new Stores(store.runStore(), store.taskQueue(), store::grantCredits);
  }
}
