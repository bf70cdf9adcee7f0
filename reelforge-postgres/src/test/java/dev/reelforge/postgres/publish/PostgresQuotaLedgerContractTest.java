package dev.reelforge.postgres.publish;

import dev.reelforge.core.publish.QuotaLedger;
import dev.reelforge.postgres.testing.PostgresTest;
import dev.reelforge.postgres.testing.TestDatabase;
import dev.reelforge.testkit.publish.QuotaLedgerContract;

/**
 * The quota ledger on real PostgreSQL: the racing tests split their reservations between two
 * ledgers on one database, as two nodes would.
 */
@PostgresTest
class PostgresQuotaLedgerContractTest extends QuotaLedgerContract {

  private final TestDatabase database;

  PostgresQuotaLedgerContractTest(TestDatabase database) {
    this.database = database;
  }

  @Override
  protected QuotaLedger createLedger() {
    return new PostgresQuotaLedger(database.dataSource());
  }

  @Override
  protected QuotaLedger anotherNode() {
    return new PostgresQuotaLedger(database.dataSource());
  }
}
