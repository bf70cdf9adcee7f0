package dev.reelforge.postgres.clips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.accounts.Role;
import dev.reelforge.core.accounts.UserStore;
import dev.reelforge.core.clips.ClipCandidate;
import dev.reelforge.core.clips.ClipSource;
import dev.reelforge.core.clips.ClipStore;
import dev.reelforge.core.clips.ReframeOverride;
import dev.reelforge.postgres.accounts.PostgresUserStore;
import dev.reelforge.postgres.testing.PostgresTest;
import dev.reelforge.postgres.testing.TestDatabase;
import dev.reelforge.testkit.MutableClock;
import dev.reelforge.testkit.clips.ClipRecords;
import dev.reelforge.testkit.clips.ClipStoreContract;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The clip store on real PostgreSQL (sessions in a non-UTC time zone). */
@PostgresTest
class PostgresClipStoreContractTest extends ClipStoreContract {

  private final TestDatabase database;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));

  PostgresClipStoreContractTest(TestDatabase database) {
    this.database = database;
  }

  @Override
  protected ClipStore createStore() {
    // The tests of one class share a schema, and the upkeep's query reads every owner's uploads.
    database.execute("delete from clip_upload");
    return new PostgresClipStore(database.dataSource());
  }

  @Override
  protected UUID newOwner() {
    // Clips belong to users: the rows cascade away when the user is erased.
    UUID id = UUID.randomUUID();
    new PostgresUserStore(database.dataSource(), clock)
        .create(
            new UserStore.NewUser(
                id,
                "clipper-" + id,
                "Clipper " + id,
                Role.CREATOR,
                Optional.of("hash"),
                false,
                Optional.empty()));
    return id;
  }

  @Test
  void reasonsAreAnArrayAndAnOverrideIsChecked() {
    UUID owner = newOwner();
    ClipSource source = ClipRecords.source(owner, clock.instant());
    store.createSource(source);
    ClipCandidate candidate = ClipRecords.candidate(source.id(), 1, 0);
    store.replaceCandidates(source.id(), List.of(candidate));
    store.updateCandidate(candidate.id(), c -> c.withReframe(Optional.of(ReframeOverride.fit())));
    JdbcClient jdbc = JdbcClient.create(database.dataSource());
    assertThat(
            jdbc.sql("select reasons[2] from clip_candidate where id = :id")
                .param("id", candidate.id())
                .query(String.class)
                .single())
        .isEqualTo("loud, \"quoted\"; a, b");
    // A fit with a crop centre is no override the application could mean.
    assertThatThrownBy(
            () ->
                jdbc.sql("update clip_candidate set reframe_center_x = 0.5 where id = :id")
                    .param("id", candidate.id())
                    .update())
        .isInstanceOf(DataIntegrityViolationException.class);
  }
}
