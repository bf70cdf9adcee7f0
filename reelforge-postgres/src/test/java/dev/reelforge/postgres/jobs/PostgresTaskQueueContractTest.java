package dev.reelforge.postgres.jobs;

import dev.reelforge.postgres.accounts.PostgresCreditLedger;
import dev.reelforge.postgres.testing.PostgresTest;
import dev.reelforge.postgres.testing.TestDatabase;
import dev.reelforge.testkit.MutableClock;
import dev.reelforge.testkit.jobs.TaskQueueContract;
import java.util.Optional;

@PostgresTest
class PostgresTaskQueueContractTest extends TaskQueueContract {

  private final TestDatabase database;

  PostgresTaskQueueContractTest(TestDatabase database) {
    this.database = database;
  }

  @Override
  protected Stores createStores(MutableClock clock) {
    PostgresCreditLedger ledger = new PostgresCreditLedger(database.dataSource(), clock);
    return new Stores(
        new PostgresRunStore(database.dataSource(), clock),
        new PostgresTaskQueue(database.dataSource(), clock),
        (owner, amount) -> ledger.grant(owner, amount, "contract", Optional.empty()));
  }
}
