package dev.reelforge.app.database;

import dev.reelforge.postgres.schema.SchemaMigrator;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Answers "is the database there?" quickly, for health endpoints and {@code doctor}. */
@Component
public class DatabaseStatus {

  private static final Logger log = LoggerFactory.getLogger(DatabaseStatus.class);
  private static final int QUERY_TIMEOUT_SECONDS = 2;

  private final DataSource dataSource;
  private final DatabaseEndpoint endpoint;
  private final Clock clock;
  private final String schemaVersion;

  public DatabaseStatus(
      DataSource dataSource, DatabaseEndpoint endpoint, SchemaMigrator migrator, Clock clock) {
    this.dataSource = dataSource;
    this.endpoint = endpoint;
    this.clock = clock;
    // Migrations only run at startup, so the version cannot change while this process lives.
    this.schemaVersion = migrator.currentVersion();
  }

  /** What the database says now; never throws. */
  public Snapshot check() {
    long start = clock.millis();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
      try (ResultSet rs = statement.executeQuery("show server_version")) {
        rs.next();
        return new Snapshot(
            true,
            rs.getString(1),
            schemaVersion,
            endpoint.isEmbedded(),
            Duration.ofMillis(clock.millis() - start),
            "");
      }
    } catch (SQLException e) {
      log.warn("database check failed: {}", e.getMessage());
      return new Snapshot(
          false,
          "",
          schemaVersion,
          endpoint.isEmbedded(),
          Duration.ofMillis(clock.millis() - start),
          e.getMessage());
    }
  }

  public DatabaseEndpoint endpoint() {
    return endpoint;
  }

  /** One look at the database. */
  public record Snapshot(
      boolean up,
      String serverVersion,
      String schemaVersion,
      boolean embedded,
      Duration latency,
      String problem) {

    public Map<String, Object> toMap() {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("status", up ? "up" : "down");
      map.put("embedded", embedded);
      if (up) {
        map.put("serverVersion", serverVersion);
      } else {
        // The driver's message may name internal hosts; the health endpoint is public, so it
        // only says that the database is unreachable (doctor and the logs give the details).
        map.put("problem", "the database does not respond");
      }
      map.put("schemaVersion", schemaVersion);
      map.put("latencyMs", latency.toMillis());
      return map;
    }
  }
}
