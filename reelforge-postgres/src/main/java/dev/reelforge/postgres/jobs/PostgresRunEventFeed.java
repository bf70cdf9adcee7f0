package dev.reelforge.postgres.jobs;

import dev.reelforge.core.jobs.spi.EventCursor;
import dev.reelforge.core.jobs.spi.FeedEvent;
import dev.reelforge.core.jobs.spi.RunEventFeed;
import dev.reelforge.postgres.jobs.internal.JobRows;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link RunEventFeed} on {@code run_event}: events are ordered by the id of the transaction that
 * wrote them, then by their own id, and only transactions older than the oldest one still running
 * ({@code pg_snapshot_xmin}) are read. So an event that commits late is never skipped; the price is
 * that events wait for every older transaction on the server to end (milliseconds here, since the
 * job store's transactions are short).
 */
public final class PostgresRunEventFeed implements RunEventFeed {

  private final JdbcClient jdbc;

  public PostgresRunEventFeed(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  @Override
  public EventCursor head() {
    String xmin =
        jdbc.sql("select pg_snapshot_xmin(pg_current_snapshot())::text")
            .query(String.class)
            .single();
    // Events of transactions from xmin on may still commit: the head sits just before them.
    return new EventCursor(Long.parseLong(xmin), 0);
  }

  @Override
  public List<FeedEvent> after(EventCursor after, Filter filter, int limit) {
    StringBuilder sql =
        new StringBuilder(
            """
            select e.id, e.run_id, e.type, e.stage, e.data::text as data, e.created_at,
              e.tx::text as tx, r.owner_id, r.kind
            from run_event e join run r on r.id = e.run_id
            where (e.tx, e.id) > (cast(:tx as xid8), :id)
              and e.tx < pg_snapshot_xmin(pg_current_snapshot())
            """);
    filter.runId().ifPresent(r -> sql.append(" and e.run_id = :run"));
    filter.ownerId().ifPresent(o -> sql.append(" and r.owner_id = :owner"));
    sql.append(" order by e.tx, e.id limit :limit");
    JdbcClient.StatementSpec statement =
        jdbc.sql(sql.toString())
            .param("tx", Long.toString(after.transaction()))
            .param("id", after.eventId())
            .param("limit", limit);
    if (filter.runId().isPresent()) {
      statement = statement.param("run", filter.runId().get());
    }
    if (filter.ownerId().isPresent()) {
      statement = statement.param("owner", filter.ownerId().get());
    }
    return statement
        .query(
            (rs, n) ->
                new FeedEvent(
                    new EventCursor(Long.parseLong(rs.getString("tx")), rs.getLong("id")),
                    rs.getObject("owner_id", UUID.class),
                    rs.getString("kind"),
                    JobRows.event(rs, n)))
        .list();
  }
}
