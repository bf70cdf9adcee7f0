package dev.reelforge.testkit.publish;

import dev.reelforge.core.publish.QuotaLedger;
import dev.reelforge.core.publish.memory.InMemoryQuotaLedger;

/** The command line's quota ledger against the contract PostgreSQL's passes. */
class InMemoryQuotaLedgerContractTest extends QuotaLedgerContract {

  @Override
  protected QuotaLedger createLedger() {
    return new InMemoryQuotaLedger();
  }
}
