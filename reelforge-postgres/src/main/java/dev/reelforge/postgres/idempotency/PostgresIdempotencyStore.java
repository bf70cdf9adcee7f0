package dev.reelforge.postgres.idempotency;

import dev.reelforge.core.idempotency.Claim;
import dev.reelforge.core.idempotency.IdempotencyStore;
import dev.reelforge.core.idempotency.StoredResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link IdempotencyStore} on PostgreSQL: one row per owner and key. The primary key decides which
 * of two racing requests is granted the key, on one instance or several.
 */
public final class PostgresIdempotencyStore implements IdempotencyStore {

  private final JdbcClient jdbc;
  private final Clock clock;

  public PostgresIdempotencyStore(DataSource dataSource, Clock clock) {
    this.jdbc = JdbcClient.create(dataSource);
    this.clock = clock;
  }

  @Override
  public Claim claim(
      UUID owner, String key, String requestHash, Duration ttl, Duration staleAfter) {
    OffsetDateTime now = now();
    // A record whose time is up, or a claim never answered (its server died), no longer holds.
    jdbc.sql(
            "delete from idempotency_key where owner_id = :owner and key = :key and (expires_at <="
                + " :now or (response_status is null and claimed_at <= :stale))")
        .param("owner", owner)
        .param("key", key)
        .param("now", now)
        .param("stale", now.minus(staleAfter))
        .update();
    // The insert and the read after a conflict can race with a delete; the second try settles it.
    for (int attempt = 0; attempt < 2; attempt++) {
      int inserted =
          jdbc.sql(
                  "insert into idempotency_key (owner_id, key, request_hash, claimed_at,"
                      + " expires_at) values (:owner, :key, :hash, :now, :expires)"
                      + " on conflict do nothing")
              .param("owner", owner)
              .param("key", key)
              .param("hash", requestHash)
              .param("now", now)
              .param("expires", now.plus(ttl))
              .update();
      if (inserted == 1) {
        return new Claim.Granted();
      }
      Optional<Claim> existing = existing(owner, key, requestHash);
      if (existing.isPresent()) {
        return existing.get();
      }
    }
    // Deleted twice between our insert and read: someone else is clearly working on it.
    return new Claim.InProgress();
  }

  private Optional<Claim> existing(UUID owner, String key, String requestHash) {
    return jdbc.sql(
            "select request_hash, response_status, response_type, response_body from"
                + " idempotency_key where owner_id = :owner and key = :key")
        .param("owner", owner)
        .param("key", key)
        .query(
            (rs, n) -> {
              if (!rs.getString("request_hash").equals(requestHash)) {
                return (Claim) new Claim.Mismatch();
              }
              int status = rs.getInt("response_status");
              if (rs.wasNull()) {
                return new Claim.InProgress();
              }
              return new Claim.Answered(
                  new StoredResponse(
                      status, rs.getString("response_type"), rs.getBytes("response_body")));
            })
        .optional();
  }

  @Override
  public void answer(UUID owner, String key, StoredResponse response) {
    jdbc.sql(
            "update idempotency_key set response_status = :status, response_type = :type,"
                + " response_body = :body where owner_id = :owner and key = :key")
        .param("owner", owner)
        .param("key", key)
        .param("status", response.status())
        .param("type", response.contentType())
        .param("body", response.body())
        .update();
  }

  @Override
  public void release(UUID owner, String key) {
    jdbc.sql(
            "delete from idempotency_key where owner_id = :owner and key = :key"
                + " and response_status is null")
        .param("owner", owner)
        .param("key", key)
        .update();
  }

  @Override
  public int purgeExpired() {
    return jdbc.sql("delete from idempotency_key where expires_at <= :now")
        .param("now", now())
        .update();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }
}
