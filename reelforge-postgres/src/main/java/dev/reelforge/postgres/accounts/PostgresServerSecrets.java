package dev.reelforge.postgres.accounts;

import dev.reelforge.core.accounts.ServerSecrets;
import dev.reelforge.postgres.accounts.internal.Utc;
import java.time.Clock;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link ServerSecrets} on PostgreSQL: the first instance's value wins, the others read it. */
public final class PostgresServerSecrets implements ServerSecrets {

  private final JdbcClient jdbc;
  private final Clock clock;

  public PostgresServerSecrets(DataSource dataSource, Clock clock) {
    this.jdbc = JdbcClient.create(dataSource);
    this.clock = clock;
  }

  @Override
  public byte[] getOrCreate(String name, Supplier<byte[]> fresh) {
    jdbc.sql(
            "insert into server_secret (name, value, created_at) values (:name, :value, :now)"
                + " on conflict (name) do nothing")
        .param("name", name)
        .param("value", fresh.get())
        .param("now", Utc.now(clock))
        .update();
    return jdbc.sql("select value from server_secret where name = :name")
        .param("name", name)
        .query(byte[].class)
        .single();
  }
}
