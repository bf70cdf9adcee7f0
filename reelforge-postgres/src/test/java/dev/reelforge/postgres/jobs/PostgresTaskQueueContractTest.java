package dev.reelforge.postgres.jobs;

import dev.reelforge.postgres.testing.PostgresTest;
import dev.reelforge.postgres.testing.TestDatabase;
import dev.reelforge.testkit.MutableClock;
import dev.reelforge.testkit.jobs.TaskQueueContract;

@PostgresTest
class PostgresTaskQueueContractTest extends TaskQueueContract {

  private final TestDatabase database;

  PostgresTaskQueueContractTest(TestDatabase database) {
    this.database = database;
  }

  @Override
  protected Stores createStores(MutableClock clock) {
    return new Stores(
        new PostgresRunStore(database.dataSource(), clock),
        new PostgresTaskQueue(database.dataSource(), clock));
  }
}
