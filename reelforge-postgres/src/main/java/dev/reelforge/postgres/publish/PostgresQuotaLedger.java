package dev.reelforge.postgres.publish;

import static dev.reelforge.postgres.publish.internal.PublicationRows.instant;
import static dev.reelforge.postgres.publish.internal.PublicationRows.utc;

import dev.reelforge.core.publish.QuotaLedger;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link QuotaLedger} on PostgreSQL ({@code quota_usage}, V12), shared by every node. A reservation
 * takes a transaction-scoped advisory lock on its scope, then sums the window and records: two
 * nodes reserving in one scope go one after the other, so the cap holds however many race, while
 * scopes do not wait for each other. The primary key (scope, target) makes a reservation
 * idempotent.
 */
public final class PostgresQuotaLedger implements QuotaLedger {

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;

  public PostgresQuotaLedger(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
    this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
  }

  @Override
  public Reservation reserve(
      String scope, UUID targetId, int units, int capacity, Instant windowStart, Instant at) {
    if (units <= 0) {
      throw new IllegalArgumentException("units must be positive, not " + units);
    }
    return transactions.execute(
        status -> {
          jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))")
              .param("key", "reelforge.quota:" + scope)
              .query()
              .singleValue();
          boolean held =
              jdbc.sql(
                          "select count(*) from quota_usage where scope = :scope and target_id = :target")
                      .param("scope", scope)
                      .param("target", targetId)
                      .query(Integer.class)
                      .single()
                  > 0;
          if (held) {
            return Reservation.grant();
          }
          List<Usage> window = window(scope, windowStart);
          int used = window.stream().mapToInt(Usage::units).sum();
          if (used + units > capacity) {
            return new Reservation(false, window);
          }
          jdbc.sql(
                  "insert into quota_usage (scope, target_id, units, used_at)"
                      + " values (:scope, :target, :units, :at)")
              .param("scope", scope)
              .param("target", targetId)
              .param("units", units)
              .param("at", utc(at))
              .update();
          return Reservation.grant();
        });
  }

  private List<Usage> window(String scope, Instant since) {
    return jdbc.sql(
            "select used_at, units from quota_usage where scope = :scope and used_at >= :since"
                + " order by used_at, target_id")
        .param("scope", scope)
        .param("since", utc(since))
        .query((rs, row) -> new Usage(instant(rs, "used_at"), rs.getInt("units")))
        .list();
  }

  @Override
  public void release(String scope, UUID targetId) {
    jdbc.sql("delete from quota_usage where scope = :scope and target_id = :target")
        .param("scope", scope)
        .param("target", targetId)
        .update();
  }

  @Override
  public int used(String scope, Instant since) {
    return jdbc.sql(
            "select coalesce(sum(units), 0) from quota_usage"
                + " where scope = :scope and used_at >= :since")
        .param("scope", scope)
        .param("since", utc(since))
        .query(Integer.class)
        .single();
  }
}
