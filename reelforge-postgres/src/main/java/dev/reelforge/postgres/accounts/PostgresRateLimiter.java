package dev.reelforge.postgres.accounts;

import dev.reelforge.core.accounts.RateLimiter;
import dev.reelforge.postgres.accounts.internal.Utc;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link RateLimiter} on PostgreSQL ({@code rate_limit_window}). One statement counts a hit only
 * while the window has room, so instances sharing the database share the limit exactly.
 */
public final class PostgresRateLimiter implements RateLimiter {

  private final JdbcClient jdbc;
  private final Clock clock;

  public PostgresRateLimiter(DataSource dataSource, Clock clock) {
    this.jdbc = JdbcClient.create(dataSource);
    this.clock = clock;
  }

  @Override
  public Decision acquire(String bucket, int limit, Duration window) {
    long now = clock.millis();
    long size = window.toMillis();
    Instant start = Instant.ofEpochMilli(now - Math.floorMod(now, size));
    Instant end = start.plus(window);
    Optional<Integer> hits =
        jdbc.sql(
                """
                insert into rate_limit_window (bucket, window_start, hits, expires_at)
                values (:bucket, :start, 1, :end)
                on conflict (bucket, window_start) do update
                  set hits = rate_limit_window.hits + 1
                  where rate_limit_window.hits < :limit
                returning hits
                """)
            .param("bucket", bucket)
            .param("start", Utc.of(start))
            .param("end", Utc.of(end))
            .param("limit", limit)
            .query(Integer.class)
            .optional();
    return hits.map(h -> new Decision(true, limit, Math.max(0, limit - h), end))
        .orElseGet(() -> new Decision(false, limit, 0, end));
  }

  @Override
  public int purge(Instant before) {
    return jdbc.sql("delete from rate_limit_window where expires_at < :before")
        .param("before", Utc.of(before))
        .update();
  }
}
