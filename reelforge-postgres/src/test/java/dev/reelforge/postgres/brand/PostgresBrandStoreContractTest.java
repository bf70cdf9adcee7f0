package dev.reelforge.postgres.brand;

import dev.reelforge.core.accounts.Role;
import dev.reelforge.core.accounts.UserStore;
import dev.reelforge.core.brand.BrandStore;
import dev.reelforge.postgres.accounts.PostgresUserStore;
import dev.reelforge.postgres.testing.PostgresTest;
import dev.reelforge.postgres.testing.TestDatabase;
import dev.reelforge.testkit.MutableClock;
import dev.reelforge.testkit.brand.BrandStoreContract;
import java.util.Optional;
import java.util.UUID;

/**
 * The brand store on real PostgreSQL (sessions in a non-UTC time zone). Its seeded style presets
 * are held equal to the memory store's by the contract's preset test.
 */
@PostgresTest
class PostgresBrandStoreContractTest extends BrandStoreContract {

  private final TestDatabase database;

  PostgresBrandStoreContractTest(TestDatabase database) {
    this.database = database;
  }

  @Override
  protected BrandStore createStore(MutableClock clock) {
    return new PostgresBrandStore(database.dataSource(), clock);
  }

  @Override
  protected UUID newOwner() {
    // Vision jobs belong to users: the row cascades away when the user is erased.
    UUID id = UUID.randomUUID();
    new PostgresUserStore(database.dataSource(), clock)
        .create(
            new UserStore.NewUser(
                id,
                "brand-" + id,
                "Brand " + id,
                Role.CREATOR,
                Optional.of("hash"),
                false,
                Optional.empty()));
    return id;
  }
}
