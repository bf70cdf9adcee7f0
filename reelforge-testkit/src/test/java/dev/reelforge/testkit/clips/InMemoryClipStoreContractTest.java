package dev.reelforge.testkit.clips;

import dev.reelforge.core.clips.ClipStore;
import dev.reelforge.core.clips.memory.InMemoryClipStore;
import java.util.UUID;

/** The command line's clip store against the contract PostgreSQL's passes. */
class InMemoryClipStoreContractTest extends ClipStoreContract {

  @Override
  protected ClipStore createStore() {
    return new InMemoryClipStore();
  }

  @Override
  protected UUID newOwner() {
    // The memory store knows no users: any id is an owner.
    return UUID.randomUUID();
  }
}
