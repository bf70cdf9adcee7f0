package dev.reelforge.app.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.reelforge.core.cluster.NodeRegistry;
import dev.reelforge.postgres.DatabaseUnavailableException;
import dev.reelforge.postgres.cluster.PostgresNodeRegistry;
import dev.reelforge.postgres.schema.SchemaMigrator;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.context.WebApplicationContext;

/**
 * The database: endpoint (embedded or external), connection pool and migrations. The pool is handed
 * out only after the schema is migrated, so nothing ever sees an old schema.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

  /**
   * A process that serves must own the embedded database; a command that serves nothing (user
   * administration, the doctor) runs beside a live server, so it attaches to that server's database
   * instead of failing on its lock.
   */
  @Bean(destroyMethod = "close")
  DatabaseEndpoint databaseEndpoint(DatabaseSettings settings, ApplicationContext context) {
    return DatabaseEndpoint.from(
        settings,
        context instanceof WebApplicationContext
            ? DatabaseEndpoint.WhenInUse.REFUSE
            : DatabaseEndpoint.WhenInUse.ATTACH,
        webPorts(context.getEnvironment()));
  }

  /**
   * The ports the web server and the management server will bind a moment later: the database
   * starts first, and the kernel would hand either out as free until then.
   */
  static Set<Integer> webPorts(Environment environment) {
    Set<Integer> ports = new HashSet<>();
    for (String key : List.of("server.port", "management.server.port")) {
      Integer port = environment.getProperty(key, Integer.class);
      if (port != null && port > 0) {
        ports.add(port);
      }
    }
    return ports;
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
      SchemaMigrator migrator = new SchemaMigrator(dataSource, settings.getSchema());
      if (endpoint.attached().isPresent()) {
        // The server that owns the database migrates it; a client must not change the schema
        // under it, nor work on one older than it expects.
        checkMigratedByOwner(migrator, endpoint);
      } else {
        migrator.migrate();
      }
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

  private static void checkMigratedByOwner(SchemaMigrator migrator, DatabaseEndpoint endpoint) {
    int pending = migrator.pendingCount();
    if (pending > 0) {
      throw new DatabaseUnavailableException(
          "the database of the running server ("
              + endpoint.describe()
              + ") is at schema version "
              + migrator.currentVersion()
              + ", older than this ReelForge expects ("
              + pending
              + " migrations to apply); restart the server with this version first",
          null);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
