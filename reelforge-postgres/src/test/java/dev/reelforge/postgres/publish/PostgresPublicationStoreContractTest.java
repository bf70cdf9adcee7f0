package dev.reelforge.postgres.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.accounts.Role;
import dev.reelforge.core.accounts.UserStore;
import dev.reelforge.core.publish.Platform;
import dev.reelforge.core.publish.Publication;
import dev.reelforge.core.publish.PublicationStore;
import dev.reelforge.postgres.accounts.PostgresUserStore;
import dev.reelforge.postgres.testing.PostgresTest;
import dev.reelforge.postgres.testing.TestDatabase;
import dev.reelforge.testkit.MutableClock;
import dev.reelforge.testkit.publish.PublicationRecords;
import dev.reelforge.testkit.publish.PublicationStoreContract;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The publication store on real PostgreSQL (sessions in a non-UTC time zone). */
@PostgresTest
class PostgresPublicationStoreContractTest extends PublicationStoreContract {

  private final TestDatabase database;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));

  PostgresPublicationStoreContractTest(TestDatabase database) {
    this.database = database;
  }

  @Override
  protected PublicationStore createStore() {
    // The tests of one class share a schema: the scheduler's and the calendar's queries read
    // every owner's targets, so each test starts without any.
    database.execute("delete from publication");
    return new PostgresPublicationStore(database.dataSource());
  }

  @Override
  protected UUID newOwner() {
    // Publications belong to users: the rows cascade away when the user is erased.
    UUID id = UUID.randomUUID();
    new PostgresUserStore(database.dataSource(), clock)
        .create(
            new UserStore.NewUser(
                id,
                "publisher-" + id,
                "Publisher " + id,
                Role.CREATOR,
                Optional.of("hash"),
                false,
                Optional.empty()));
    return id;
  }

  @Test
  void theCopyIsKeptAsJsonThatPostgresqlReads() {
    UUID owner = newOwner();
    Instant now = clock.instant();
    Publication given =
        PublicationRecords.publication(
            owner,
            UUID.randomUUID(),
            now,
            id ->
                List.of(
                    PublicationRecords.target(id, Platform.LOCAL, now)
                        .withMetadata(PublicationRecords.awkwardCopy(), now)));
    store.create(given);
    JdbcClient jdbc = JdbcClient.create(database.dataSource());
    assertThat(
            jdbc.sql(
                    "select metadata -> 'hashtags' ->> 1 from publication_target"
                        + " where publication_id = :id")
                .param("id", given.id())
                .query(String.class)
                .single())
        .isEqualTo("ab,c");
    assertThat(
            jdbc.sql(
                    "select metadata ->> 'locale' from publication_target where publication_id = :id")
                .param("id", given.id())
                .query(String.class)
                .single())
        .isEqualTo("de-CH");
  }
}
