package dev.reelforge.testkit.publish;

import dev.reelforge.core.publish.accounts.PlatformAccountStore;
import dev.reelforge.core.publish.accounts.memory.InMemoryPlatformAccountStore;
import dev.reelforge.testkit.MutableClock;

class InMemoryPlatformAccountStoreContractTest extends PlatformAccountStoreContract {

  @Override
  protected PlatformAccountStore createStore(MutableClock clock) {
    return new InMemoryPlatformAccountStore();
  }
}
