package dev.reelforge.postgres.accounts;

import dev.reelforge.core.accounts.AuditLog;
import dev.reelforge.postgres.accounts.internal.Utc;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link AuditLog} on PostgreSQL ({@code audit_log}); before/after kept as jsonb, the request's
 * client address and user agent beside them (V11).
 */
public final class PostgresAuditLog implements AuditLog {

  private final JdbcClient jdbc;
  private final Clock clock;

  public PostgresAuditLog(DataSource dataSource, Clock clock) {
    this.jdbc = JdbcClient.create(dataSource);
    this.clock = clock;
  }

  @Override
  public void record(Entry entry) {
    jdbc.sql(
            "insert into audit_log (actor_id, actor, action, target_type, target_id, before,"
                + " after, request_id, ip_address, user_agent, created_at) values (:actorId,"
                + " :actor, :action, :type, :id, cast(:before as jsonb), cast(:after as jsonb),"
                + " :request, :ip, :agent, :now)")
        .param("actorId", entry.actorId().orElse(null))
        .param("actor", entry.actor())
        .param("action", entry.action())
        .param("type", entry.targetType())
        .param("id", entry.targetId())
        .param("before", entry.before())
        .param("after", entry.after())
        .param("request", entry.requestId().orElse(null))
        .param("ip", entry.ipAddress().orElse(null))
        .param("agent", entry.userAgent().orElse(null))
        .param("now", Utc.now(clock))
        .update();
  }

  @Override
  public List<Recorded> list(Optional<String> targetType, Optional<String> targetId, int limit) {
    return jdbc.sql(
            "select id, actor_id, actor, action, target_type, target_id, before::text as before,"
                + " after::text as after, request_id, ip_address, user_agent, created_at"
                + " from audit_log"
                + " where (cast(:type as text) is null or target_type = :type)"
                + " and (cast(:id as text) is null or target_id = :id)"
                + " order by id desc limit :limit")
        .param("type", targetType.orElse(null))
        .param("id", targetId.orElse(null))
        .param("limit", limit)
        .query(
            (rs, n) ->
                new Recorded(
                    rs.getLong("id"),
                    new Entry(
                        Optional.ofNullable(rs.getObject("actor_id", UUID.class)),
                        rs.getString("actor"),
                        rs.getString("action"),
                        rs.getString("target_type"),
                        rs.getString("target_id"),
                        rs.getString("before"),
                        rs.getString("after"),
                        Optional.ofNullable(rs.getString("request_id")),
                        Optional.ofNullable(rs.getString("ip_address")),
                        Optional.ofNullable(rs.getString("user_agent"))),
                    rs.getTimestamp("created_at").toInstant()))
        .list();
  }
}
