package dev.reelforge.app.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.reelforge.core.cluster.NodeRegistry;
import dev.reelforge.postgres.DatabaseUnavailableException;
import dev.reelforge.postgres.cluster.PostgresNodeRegistry;
import dev.reelforge.postgres.schema.SchemaMigrator;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database: endpoint (embedded or external), connection pool and migrations. The pool is handed
 * out only after the schema is migrated, so nothing ever sees an old schema.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

  @Bean(destroyMethod = "close")
  DatabaseEndpoint databaseEndpoint(DatabaseSettings settings) {
    return DatabaseEndpoint.from(settings);
  }

  @Bean(destroyMethod = "close")
  HikariDataSource dataSource(DatabaseEndpoint endpoint, DatabaseSettings settings) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("reelforge");
    config.setJdbcUrl(endpoint.jdbcUrl());
    config.setUsername(endpoint.username());
    config.setPassword(endpoint.password());
    config.setSchema(settings.getSchema());
    config.setMaximumPoolSize(settings.getMaxPoolSize());
    config.setConnectionTimeout(settings.getConnectTimeout().toMillis());
    // Fail at once when the server is unreachable: startup reports it instead of hanging.
    config.setInitializationFailTimeout(1);
    config.addDataSourceProperty(
        "connectTimeout", Math.max(1, settings.getConnectTimeout().toSeconds()));
    config.addDataSourceProperty("ApplicationName", "reelforge");
    HikariDataSource dataSource;
    try {
      dataSource = new HikariDataSource(config);
    } catch (HikariPool.PoolInitializationException e) {
      throw new DatabaseUnavailableException(
          "cannot connect to the database at "
              + endpoint.jdbcUrl()
              + ": "
              + rootMessage(e)
              + (settings.isEmbedded()
                  ? ""
                  : "; check REELFORGE_DATABASE_URL, REELFORGE_DATABASE_USERNAME and"
                      + " REELFORGE_DATABASE_PASSWORD"),
          e);
    }
    try {
      new SchemaMigrator(dataSource, settings.getSchema()).migrate();
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
    return dataSource;
  }

  @Bean
  SchemaMigrator schemaMigrator(DataSource dataSource, DatabaseSettings settings) {
    return new SchemaMigrator(dataSource, settings.getSchema());
  }

  @Bean
  NodeRegistry nodeRegistry(DataSource dataSource, Clock clock) {
    return new PostgresNodeRegistry(dataSource, clock);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
