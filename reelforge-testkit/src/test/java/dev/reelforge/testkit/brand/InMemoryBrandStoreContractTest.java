package dev.reelforge.testkit.brand;

import dev.reelforge.core.brand.BrandStore;
import dev.reelforge.core.brand.memory.InMemoryBrandStore;
import dev.reelforge.testkit.MutableClock;
import java.util.UUID;

/** The in-process CLI's brand store against the contract PostgreSQL's passes. */
class InMemoryBrandStoreContractTest extends BrandStoreContract {

  @Override
  protected BrandStore createStore(MutableClock clock) {
    return new InMemoryBrandStore(clock);
  }

  @Override
  protected UUID newOwner() {
    // The memory store knows no users: any id is an owner.
    return UUID.randomUUID();
  }
}
