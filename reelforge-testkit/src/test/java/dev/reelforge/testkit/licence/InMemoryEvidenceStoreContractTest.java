package dev.reelforge.testkit.licence;

import dev.reelforge.core.licence.EvidenceStore;
import dev.reelforge.core.licence.memory.InMemoryEvidenceStore;
import java.util.UUID;

/** The command line's evidence store against the contract PostgreSQL's passes. */
class InMemoryEvidenceStoreContractTest extends EvidenceStoreContract {

  @Override
  protected EvidenceStore createStore() {
    return new InMemoryEvidenceStore();
  }

  @Override
  protected UUID newRun() {
    // The memory store knows no runs: any id is a run.
    return UUID.randomUUID();
  }
}
