package dev.reelforge.postgres.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.reelforge.postgres.embedded.EmbeddedPostgresServer;
import dev.reelforge.postgres.schema.SchemaMigrator;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A fresh schema in the shared test server with a connection pool bound to it. Sessions use a
 * non-UTC time zone (Pacific/Chatham, UTC+12:45/+13:45 by default) so that code which confuses
 * local and UTC time fails here rather than in production.
 */
public final class TestDatabase implements AutoCloseable {

  /** The session time zone of every test connection. */
  public static final String SESSION_TIME_ZONE =
      System.getProperty("reelforge.test.session-timezone", "Pacific/Chatham");

  private static final AtomicInteger COUNTER = new AtomicInteger();

  private final EmbeddedPostgresServer server;
  private final String schema;
  private final HikariDataSource dataSource;

  private TestDatabase(EmbeddedPostgresServer server, String schema) {
    this.server = server;
    this.schema = schema;
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl());
    config.setUsername(server.username());
    config.setPassword(server.password());
    config.setMaximumPoolSize(16);
    config.setMinimumIdle(0);
    config.setConnectionInitSql("set time zone '" + SESSION_TIME_ZONE + "'");
    config.setPoolName("test-" + schema);
    this.dataSource = new HikariDataSource(config);
  }

  /** Creates an empty schema named after {@code owner} (a test class) in the shared server. */
  public static TestDatabase freshSchema(String owner) {
    EmbeddedPostgresServer server = PostgresTestServer.shared();
    String base = owner.toLowerCase().replaceAll("[^a-z0-9]", "_");
    String schema =
        "t_" + base.substring(0, Math.min(base.length(), 40)) + "_" + COUNTER.incrementAndGet();
    TestDatabase database = new TestDatabase(server, schema);
    database.execute("create schema " + schema);
    return database;
  }

  /** Same as {@link #freshSchema} followed by all migrations of this build. */
  public static TestDatabase migrated(String owner) {
    TestDatabase database = freshSchema(owner);
    new SchemaMigrator(database.dataSource(), database.schema()).migrate();
    return database;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public String schema() {
    return schema;
  }

  /** JDBC URL whose connections use this schema by default. */
  public String jdbcUrl() {
    return server.jdbcUrl() + "?currentSchema=" + schema;
  }

  public String username() {
    return server.username();
  }

  public String password() {
    return server.password();
  }

  public EmbeddedPostgresServer server() {
    return server;
  }

  /** Runs one SQL statement on a pooled connection. */
  public void execute(String sql) {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
