package dev.reelforge.postgres.accounts;

import dev.reelforge.core.accounts.UsageMeter;
import dev.reelforge.postgres.accounts.internal.Utc;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link UsageMeter} on PostgreSQL ({@code usage_event}). A transaction-scoped advisory lock per
 * owner and kind makes count-then-record atomic across instances.
 */
public final class PostgresUsageMeter implements UsageMeter {

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;

  public PostgresUsageMeter(DataSource dataSource, Clock clock) {
    this.jdbc = JdbcClient.create(dataSource);
    this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    this.clock = clock;
  }

  @Override
  public Decision consume(UUID ownerId, String kind, int units, Limits limits) {
    return transactions.execute(
        status -> {
          jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))")
              .param("key", "reelforge.usage:" + ownerId + ":" + kind)
              .query()
              .singleValue();
          Instant now = clock.instant();
          LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
          int day = count(ownerId, kind, today);
          int month = count(ownerId, kind, today.withDayOfMonth(1));
          if (limits.daily() > 0 && day + units > limits.daily()) {
            return new Decision(false, day, month, "day", startOf(today.plusDays(1)));
          }
          if (limits.monthly() > 0 && month + units > limits.monthly()) {
            return new Decision(
                false, day, month, "month", startOf(today.withDayOfMonth(1).plusMonths(1)));
          }
          jdbc.sql(
                  "insert into usage_event (owner_id, kind, units, created_at)"
                      + " values (:owner, :kind, :units, :now)")
              .param("owner", ownerId)
              .param("kind", kind)
              .param("units", units)
              .param("now", Utc.of(now))
              .update();
          return new Decision(true, day + units, month + units, null, null);
        });
  }

  @Override
  public List<Usage> current(UUID ownerId, List<String> kinds) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    List<Usage> usage = new ArrayList<>();
    for (String kind : kinds) {
      usage.add(
          new Usage(
              kind, count(ownerId, kind, today), count(ownerId, kind, today.withDayOfMonth(1))));
    }
    return usage;
  }

  @Override
  public List<DailyUsage> history(UUID ownerId, int days) {
    LocalDate first = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(days - 1L);
    return jdbc.sql(
            "select (created_at at time zone 'UTC')::date as day, kind, sum(units) as units"
                + " from usage_event where owner_id = :owner and created_at >= :from"
                + " group by 1, 2 order by 1, 2")
        .param("owner", ownerId)
        .param("from", Utc.of(startOf(first)))
        .query(
            (rs, n) ->
                new DailyUsage(
                    rs.getObject("day", LocalDate.class), rs.getString("kind"), rs.getInt("units")))
        .list();
  }

  private int count(UUID ownerId, String kind, LocalDate since) {
    return jdbc.sql(
            "select coalesce(sum(units), 0) from usage_event where owner_id = :owner"
                + " and kind = :kind and created_at >= :since")
        .param("owner", ownerId)
        .param("kind", kind)
        .param("since", Utc.of(startOf(since)))
        .query(Integer.class)
        .single();
  }

  private static Instant startOf(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
