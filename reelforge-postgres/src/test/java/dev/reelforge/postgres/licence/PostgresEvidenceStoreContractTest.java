package dev.reelforge.postgres.licence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.licence.EvidenceStore;
import dev.reelforge.core.licence.LicenceEvidence;
import dev.reelforge.core.licence.MediaLicence;
import dev.reelforge.postgres.testing.PostgresTest;
import dev.reelforge.postgres.testing.TestDatabase;
import dev.reelforge.testkit.licence.EvidenceStoreContract;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The evidence store on real PostgreSQL, where evidence lives and dies with its run. */
@PostgresTest
class PostgresEvidenceStoreContractTest extends EvidenceStoreContract {

  private final TestDatabase database;

  PostgresEvidenceStoreContractTest(TestDatabase database) {
    this.database = database;
  }

  @Override
  protected EvidenceStore createStore() {
    return new PostgresEvidenceStore(database.dataSource());
  }

  @Override
  protected UUID newRun() {
    UUID id = UUID.randomUUID();
    JdbcClient.create(database.dataSource())
        .sql(
            "insert into run (id, owner_id, kind, status, inputs, created_at, updated_at)"
                + " values (:id, :owner, 'story', 'succeeded', '{}', now(), now())")
        .param("id", id)
        .param("owner", UUID.randomUUID())
        .update();
    return id;
  }

  @Test
  void evidenceForARunThatIsNotStoredIsRefused() {
    UUID unknown = UUID.randomUUID();
    assertThatThrownBy(() -> store.record(unknown, List.of(music())))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND));
    assertThat(store.forRun(unknown)).isEmpty();
  }

  @Test
  void evidenceGoesWithItsRun() {
    UUID run = newRun();
    UUID kept = newRun();
    store.record(run, List.of(music()));
    store.record(kept, List.of(music()));
    database.execute("delete from run where id = '" + run + "'");
    assertThat(store.forRun(run)).isEmpty();
    assertThat(store.forRun(kept)).hasSize(1);
  }

  private static LicenceEvidence music() {
    return new LicenceEvidence(
        "music",
        "music",
        new MediaLicence("procedural", "ReelForge", "CC0-1.0", ""),
        "",
        "",
        "",
        Instant.parse("2026-06-01T10:00:00Z"));
  }
}
