package dev.reelforge.postgres.webhooks;

import dev.reelforge.core.jobs.spi.EventCursor;
import dev.reelforge.core.jobs.spi.FeedEvent;
import dev.reelforge.core.jobs.spi.RunEventFeed;
import dev.reelforge.core.webhooks.WebhookStore;
import dev.reelforge.postgres.jobs.internal.JobRows;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link WebhookStore} on PostgreSQL (tables {@code webhook_*}, V7). */
public final class PostgresWebhookStore implements WebhookStore {

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final RunEventFeed feed;
  private final Clock clock;

  public PostgresWebhookStore(DataSource dataSource, RunEventFeed feed, Clock clock) {
    this.jdbc = JdbcClient.create(dataSource);
    this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    this.feed = feed;
    this.clock = clock;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private static OffsetDateTime at(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  @Override
  public Endpoint create(NewEndpoint endpoint) {
    return jdbc.sql(
            """
            insert into webhook_endpoint (id, owner_id, url, secret, events, created_at)
            values (:id, :owner, :url, :secret, string_to_array(:events, ','), :now)
            returning id, owner_id, url, events, active, created_at
            """)
        .param("id", endpoint.id())
        .param("owner", endpoint.ownerId())
        .param("url", endpoint.url())
        .param("secret", endpoint.secret())
        .param("events", String.join(",", endpoint.events()))
        .param("now", now())
        .query(PostgresWebhookStore::endpoint)
        .single();
  }

  @Override
  public List<Endpoint> list(UUID ownerId) {
    return jdbc.sql(
            """
            select id, owner_id, url, events, active, created_at from webhook_endpoint
            where owner_id = :owner order by created_at, id
            """)
        .param("owner", ownerId)
        .query(PostgresWebhookStore::endpoint)
        .list();
  }

  @Override
  public int count(UUID ownerId) {
    return jdbc.sql("select count(*) from webhook_endpoint where owner_id = :owner")
        .param("owner", ownerId)
        .query(Integer.class)
        .single();
  }

  @Override
  public boolean delete(UUID ownerId, UUID endpointId) {
    return jdbc.sql("delete from webhook_endpoint where id = :id and owner_id = :owner")
            .param("id", endpointId)
            .param("owner", ownerId)
            .update()
        == 1;
  }

  @Override
  public Optional<List<Delivery>> deliveries(UUID ownerId, UUID endpointId, int limit) {
    boolean owned =
        jdbc.sql("select count(*) from webhook_endpoint where id = :id and owner_id = :owner")
                .param("id", endpointId)
                .param("owner", ownerId)
                .query(Integer.class)
                .single()
            == 1;
    if (!owned) {
      return Optional.empty();
    }
    return Optional.of(
        jdbc.sql(
                """
                select id, event_id, run_id, type, status, attempts, last_status, last_error,
                  created_at, next_attempt_at, delivered_at
                from webhook_delivery where endpoint_id = :id
                order by created_at desc, id limit :limit
                """)
            .param("id", endpointId)
            .param("limit", limit)
            .query(PostgresWebhookStore::delivery)
            .list());
  }

  @Override
  public int fanOut(Set<String> types, Function<FeedEvent, String> payload, int limit) {
    Integer read =
        transactions.execute(
            status -> {
              // The row lock makes one node at a time read and move the position.
              Optional<String> position =
                  jdbc.sql("select position from webhook_cursor where id = 1 for update")
                      .query(String.class)
                      .optional();
              if (position.isEmpty()) {
                jdbc.sql(
                        """
                        insert into webhook_cursor (id, position) values (1, :position)
                        on conflict (id) do nothing
                        """)
                    .param("position", feed.head().toString())
                    .update();
                return 0;
              }
              List<FeedEvent> events =
                  feed.after(
                      EventCursor.parse(position.get(), "position"),
                      RunEventFeed.Filter.everyRun(),
                      limit);
              for (FeedEvent event : events) {
                if (types.contains(event.event().type())) {
                  enqueue(event, payload.apply(event));
                }
              }
              if (!events.isEmpty()) {
                jdbc.sql("update webhook_cursor set position = :position where id = 1")
                    .param("position", events.getLast().cursor().toString())
                    .update();
              }
              return events.size();
            });
    return read == null ? 0 : read;
  }

  private void enqueue(FeedEvent event, String payload) {
    jdbc.sql(
            """
            insert into webhook_delivery (id, endpoint_id, event_id, run_id, type, payload,
              status, next_attempt_at, created_at)
            select gen_random_uuid(), w.id, :event, :run, :type, :payload, 'pending', :now, :now
            from webhook_endpoint w
            where w.owner_id = :owner and w.active and :type = any(w.events)
            on conflict (endpoint_id, event_id) do nothing
            """)
        .param("event", event.cursor().toString())
        .param("run", event.event().runId())
        .param("type", event.event().type())
        .param("payload", payload)
        .param("owner", event.ownerId())
        .param("now", now())
        .update();
  }

  @Override
  public List<Due> claim(int limit, Duration lease) {
    return jdbc.sql(
            """
            update webhook_delivery d set attempts = d.attempts + 1, next_attempt_at = :until
            from webhook_endpoint w
            where w.id = d.endpoint_id and d.id in (
              select id from webhook_delivery
              where status = 'pending' and next_attempt_at <= :now
              order by next_attempt_at limit :limit for update skip locked)
            returning d.id, d.endpoint_id, w.url, w.secret, d.event_id, d.type, d.payload,
              d.attempts
            """)
        .param("now", now())
        .param("until", at(clock.instant().plus(lease)))
        .param("limit", limit)
        .query(
            (rs, n) ->
                new Due(
                    rs.getObject("id", UUID.class),
                    rs.getObject("endpoint_id", UUID.class),
                    rs.getString("url"),
                    rs.getString("secret"),
                    rs.getString("event_id"),
                    rs.getString("type"),
                    rs.getString("payload"),
                    rs.getInt("attempts")))
        .list();
  }

  @Override
  public void delivered(UUID deliveryId, int status) {
    jdbc.sql(
            """
            update webhook_delivery set status = 'delivered', delivered_at = :now,
              last_status = :status, last_error = null
            where id = :id
            """)
        .param("id", deliveryId)
        .param("status", status)
        .param("now", now())
        .update();
  }

  @Override
  public void attemptFailed(
      UUID deliveryId, Optional<Integer> status, String error, Optional<Instant> retryAt) {
    jdbc.sql(
            """
            update webhook_delivery set last_status = :status, last_error = :error,
              status = case when :retry then 'pending' else 'failed' end,
              next_attempt_at = case when :retry then :at else next_attempt_at end
            where id = :id
            """)
        .param("id", deliveryId)
        .param("status", status.orElse(null))
        .param("error", error.length() > 500 ? error.substring(0, 500) : error)
        .param("retry", retryAt.isPresent())
        .param("at", at(retryAt.orElse(clock.instant())))
        .update();
  }

  private static Endpoint endpoint(ResultSet rs, int row) throws SQLException {
    Array events = rs.getArray("events");
    return new Endpoint(
        rs.getObject("id", UUID.class),
        rs.getObject("owner_id", UUID.class),
        rs.getString("url"),
        new LinkedHashSet<>(Arrays.asList((String[]) events.getArray())),
        rs.getBoolean("active"),
        JobRows.instant(rs, "created_at").orElseThrow());
  }

  private static Delivery delivery(ResultSet rs, int row) throws SQLException {
    int lastStatus = rs.getInt("last_status");
    Optional<Integer> status = rs.wasNull() ? Optional.empty() : Optional.of(lastStatus);
    return new Delivery(
        rs.getObject("id", UUID.class),
        rs.getString("event_id"),
        rs.getObject("run_id", UUID.class),
        rs.getString("type"),
        rs.getString("status"),
        rs.getInt("attempts"),
        status,
        Optional.ofNullable(rs.getString("last_error")),
        JobRows.instant(rs, "created_at").orElseThrow(),
        JobRows.instant(rs, "next_attempt_at").orElseThrow(),
        JobRows.instant(rs, "delivered_at"));
  }
}
