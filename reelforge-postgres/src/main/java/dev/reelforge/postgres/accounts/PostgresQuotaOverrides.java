package dev.reelforge.postgres.accounts;

import dev.reelforge.core.accounts.QuotaOverrides;
import dev.reelforge.core.accounts.UsageMeter;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link QuotaOverrides} on PostgreSQL ({@code quota_override}, V10). */
public final class PostgresQuotaOverrides implements QuotaOverrides {

  private final JdbcClient jdbc;
  private final Clock clock;

  public PostgresQuotaOverrides(DataSource dataSource, Clock clock) {
    this.jdbc = JdbcClient.create(dataSource);
    this.clock = clock;
  }

  @Override
  public Optional<UsageMeter.Limits> find(UUID owner, String kind) {
    return jdbc.sql(
            "select daily, monthly from quota_override where owner_id = :owner and kind = :kind")
        .param("owner", owner)
        .param("kind", kind)
        .query((rs, n) -> new UsageMeter.Limits(rs.getInt("daily"), rs.getInt("monthly")))
        .optional();
  }

  @Override
  public Map<String, UsageMeter.Limits> all(UUID owner) {
    Map<String, UsageMeter.Limits> overrides = new LinkedHashMap<>();
    jdbc.sql(
            "select kind, daily, monthly from quota_override where owner_id = :owner order by kind")
        .param("owner", owner)
        .query(
            rs -> {
              overrides.put(
                  rs.getString("kind"),
                  new UsageMeter.Limits(rs.getInt("daily"), rs.getInt("monthly")));
            });
    return overrides;
  }

  @Override
  public void set(UUID owner, String kind, UsageMeter.Limits limits) {
    jdbc.sql(
            "insert into quota_override (owner_id, kind, daily, monthly, updated_at)"
                + " values (:owner, :kind, :daily, :monthly, :now)"
                + " on conflict (owner_id, kind) do update set daily = excluded.daily,"
                + " monthly = excluded.monthly, updated_at = excluded.updated_at")
        .param("owner", owner)
        .param("kind", kind)
        .param("daily", limits.daily())
        .param("monthly", limits.monthly())
        .param("now", Timestamp.from(clock.instant()))
        .update();
  }

  @Override
  public boolean clear(UUID owner, String kind) {
    return jdbc.sql("delete from quota_override where owner_id = :owner and kind = :kind")
            .param("owner", owner)
            .param("kind", kind)
            .update()
        == 1;
  }
}
