package dev.reelforge.testkit.publish;

import dev.reelforge.core.publish.PublicationStore;
import dev.reelforge.core.publish.memory.InMemoryPublicationStore;
import java.util.UUID;

/** The command line's publication store against the contract PostgreSQL's passes. */
class InMemoryPublicationStoreContractTest extends PublicationStoreContract {

  @Override
  protected PublicationStore createStore() {
    return new InMemoryPublicationStore();
  }

  @Override
  protected UUID newOwner() {
    // The memory store knows no users: any id is an owner.
    return UUID.randomUUID();
  }
}
