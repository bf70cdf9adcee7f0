package dev.reelforge.postgres.cluster;

import dev.reelforge.core.cluster.NodeInfo;
import dev.reelforge.core.cluster.NodeRegistry;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link NodeRegistry} in the {@code node} table. */
public final class PostgresNodeRegistry implements NodeRegistry {

  private final JdbcClient jdbc;
  private final Clock clock;

  public PostgresNodeRegistry(DataSource dataSource, Clock clock) {
    this.jdbc = JdbcClient.create(dataSource);
    this.clock = clock;
  }

  @Override
  public void register(NodeInfo node) {
    jdbc.sql(
            """
            insert into node (id, hostname, pid, version, roles, started_at, last_seen_at)
            values (:id, :hostname, :pid, :version, string_to_array(:roles, ','), :startedAt,
                    :lastSeenAt)
            """)
        .param("id", node.id())
        .param("hostname", node.hostname())
        .param("pid", node.pid())
        .param("version", node.version())
        .param("roles", String.join(",", node.roles().stream().sorted().toList()))
        .param("startedAt", utc(node.startedAt()))
        .param("lastSeenAt", utc(node.lastSeenAt()))
        .update();
  }

  @Override
  public void touch(UUID nodeId) {
    jdbc.sql("update node set last_seen_at = :now where id = :id")
        .param("now", utc(clock.instant()))
        .param("id", nodeId)
        .update();
  }

  @Override
  public void markStopped(UUID nodeId) {
    jdbc.sql("update node set stopped_at = :now, last_seen_at = :now where id = :id")
        .param("now", utc(clock.instant()))
        .param("id", nodeId)
        .update();
  }

  @Override
  public List<NodeInfo> recent(int limit) {
    return jdbc.sql(
            """
            select id, hostname, pid, version, roles, started_at, last_seen_at, stopped_at
            from node order by started_at desc, id desc limit :limit
            """)
        .param("limit", limit)
        .query((rs, n) -> map(rs))
        .list();
  }

  private static NodeInfo map(ResultSet rs) throws SQLException {
    Array roles = rs.getArray("roles");
    OffsetDateTime stopped = rs.getObject("stopped_at", OffsetDateTime.class);
    return new NodeInfo(
        rs.getObject("id", UUID.class),
        rs.getString("hostname"),
        rs.getLong("pid"),
        rs.getString("version"),
        Set.copyOf(Arrays.asList((String[]) roles.getArray())),
        rs.getObject("started_at", OffsetDateTime.class).toInstant(),
        rs.getObject("last_seen_at", OffsetDateTime.class).toInstant(),
        Optional.ofNullable(stopped).map(OffsetDateTime::toInstant));
  }

  // Instants are bound as UTC offsets so the stored value never depends on the session zone.
  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
