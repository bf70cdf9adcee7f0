package dev.reelforge.postgres.publish;

import dev.reelforge.core.publish.accounts.PlatformAccountStore;
import dev.reelforge.postgres.testing.PostgresTest;
import dev.reelforge.postgres.testing.TestDatabase;
import dev.reelforge.testkit.MutableClock;
import dev.reelforge.testkit.publish.PlatformAccountStoreContract;

@PostgresTest
class PostgresPlatformAccountStoreContractTest extends PlatformAccountStoreContract {

  private final TestDatabase database;

  PostgresPlatformAccountStoreContractTest(TestDatabase database) {
    this.database = database;
  }

  @Override
  protected PlatformAccountStore createStore(MutableClock clock) {
    return new PostgresPlatformAccountStore(database.dataSource());
  }
}
