package dev.reelforge.postgres.licence;

import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.licence.EvidenceStore;
import dev.reelforge.core.licence.LicenceEvidence;
import dev.reelforge.core.licence.MediaLicence;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link EvidenceStore} on PostgreSQL ({@code licence_evidence}, V12). Recording replaces a run's
 * evidence in one transaction, so that a reader sees the old list or the new one, never a mix. The
 * rows reference their run and go with it (the foreign key cascades), as its tasks and events do.
 */
public final class PostgresEvidenceStore implements EvidenceStore {

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;

  public PostgresEvidenceStore(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
    this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
  }

  /**
   * @throws ReelForgeException RESOURCE_NOT_FOUND when the run is not stored (evidence is kept with
   *     a run, never without one)
   */
  @Override
  public void record(UUID runId, List<LicenceEvidence> evidence) {
    try {
      transactions.executeWithoutResult(
          status -> {
            // Two recordings of one run would each delete what the other could not yet see and
            // then collide on the positions: they take turns.
            jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))")
                .param("key", "reelforge.evidence:" + runId)
                .query()
                .singleValue();
            jdbc.sql("delete from licence_evidence where run_id = :run")
                .param("run", runId)
                .update();
            int position = 0;
            for (LicenceEvidence item : evidence) {
              insert(runId, position++, item);
            }
          });
    } catch (DataIntegrityViolationException e) {
      if (e.getMostSpecificCause() instanceof SQLException sql
          && "23503".equals(sql.getSQLState())) {
        throw ReelForgeException.notFound("run", runId);
      }
      throw e;
    }
  }

  private void insert(UUID runId, int position, LicenceEvidence item) {
    MediaLicence licence = item.licence();
    jdbc.sql(
            """
            insert into licence_evidence (run_id, position, item, kind, source, author, licence,
                url, prompt, provider_response, receipt, recorded_at)
            values (:run, :position, :item, :kind, :source, :author, :licence, :url, :prompt,
                :response, :receipt, :recorded)
            """)
        .param("run", runId)
        .param("position", position)
        .param("item", item.item())
        .param("kind", item.kind())
        .param("source", licence.source())
        .param("author", licence.author())
        .param("licence", licence.licence())
        .param("url", licence.url())
        .param("prompt", item.prompt())
        .param("response", item.providerResponse())
        .param("receipt", item.receipt())
        .param("recorded", OffsetDateTime.ofInstant(item.recordedAt(), ZoneOffset.UTC))
        .update();
  }

  @Override
  public List<LicenceEvidence> forRun(UUID runId) {
    return jdbc.sql(
            "select item, kind, source, author, licence, url, prompt, provider_response, receipt,"
                + " recorded_at from licence_evidence where run_id = :run order by position")
        .param("run", runId)
        .query(PostgresEvidenceStore::evidence)
        .list();
  }

  private static LicenceEvidence evidence(ResultSet rs, int row) throws SQLException {
    return new LicenceEvidence(
        rs.getString("item"),
        rs.getString("kind"),
        new MediaLicence(
            rs.getString("source"),
            rs.getString("author"),
            rs.getString("licence"),
            rs.getString("url")),
        rs.getString("prompt"),
        rs.getString("provider_response"),
        rs.getString("receipt"),
        rs.getObject("recorded_at", OffsetDateTime.class).toInstant());
  }
}
