package dev.reelforge.postgres.accounts;

import dev.reelforge.core.accounts.RefreshTokenStore;
import dev.reelforge.postgres.accounts.internal.Utc;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link RefreshTokenStore} on PostgreSQL. Rotation locks the presented token's row, so of two
 * concurrent uses exactly one rotates and the other finds it used — a replay.
 */
public final class PostgresRefreshTokenStore implements RefreshTokenStore {

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;

  public PostgresRefreshTokenStore(DataSource dataSource, Clock clock) {
    this.jdbc = JdbcClient.create(dataSource);
    this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    this.clock = clock;
  }

  @Override
  public void start(UUID userId, UUID familyId, String tokenHash, Instant expiresAt) {
    insert(userId, familyId, tokenHash, expiresAt);
  }

  @Override
  public Rotation rotate(String tokenHash, String nextHash, Instant nextExpiresAt) {
    return transactions.execute(
        status -> {
          record Row(UUID user, UUID family, Instant expires, boolean used, boolean revoked) {}
          Optional<Row> row =
              jdbc.sql(
                      "select user_id, family_id, expires_at, used_at is not null as used,"
                          + " revoked_at is not null as revoked from refresh_token"
                          + " where token_hash = :hash for update")
                  .param("hash", tokenHash)
                  .query(
                      (rs, n) ->
                          new Row(
                              rs.getObject("user_id", UUID.class),
                              rs.getObject("family_id", UUID.class),
                              rs.getTimestamp("expires_at").toInstant(),
                              rs.getBoolean("used"),
                              rs.getBoolean("revoked")))
                  .optional();
          if (row.isEmpty() || row.get().revoked()) {
            return new Rotation.Invalid();
          }
          Row token = row.get();
          if (token.used()) {
            revokeFamily(token.family());
            return new Rotation.Replayed(token.user(), token.family());
          }
          if (!token.expires().isAfter(clock.instant())) {
            return new Rotation.Invalid();
          }
          jdbc.sql("update refresh_token set used_at = :now where token_hash = :hash")
              .param("now", now())
              .param("hash", tokenHash)
              .update();
          insert(token.user(), token.family(), nextHash, nextExpiresAt);
          return new Rotation.Rotated(token.user(), token.family());
        });
  }

  @Override
  public Optional<UUID> holder(String tokenHash) {
    return jdbc.sql(
            "select user_id from refresh_token where token_hash = :hash and used_at is null"
                + " and revoked_at is null and expires_at > :now")
        .param("hash", tokenHash)
        .param("now", now())
        .query(UUID.class)
        .optional();
  }

  @Override
  public boolean revokeFamily(String tokenHash) {
    Optional<UUID> family =
        jdbc.sql("select family_id from refresh_token where token_hash = :hash")
            .param("hash", tokenHash)
            .query(UUID.class)
            .optional();
    family.ifPresent(this::revokeFamily);
    return family.isPresent();
  }

  private void revokeFamily(UUID familyId) {
    jdbc.sql(
            "update refresh_token set revoked_at = :now where family_id = :family and revoked_at"
                + " is null")
        .param("now", now())
        .param("family", familyId)
        .update();
  }

  @Override
  public void revokeAll(UUID userId) {
    jdbc.sql(
            "update refresh_token set revoked_at = :now where user_id = :user and revoked_at is"
                + " null")
        .param("now", now())
        .param("user", userId)
        .update();
  }

  @Override
  public int purgeExpired(Instant before) {
    return jdbc.sql("delete from refresh_token where expires_at < :before")
        .param("before", Utc.of(before))
        .update();
  }

  private void insert(UUID userId, UUID familyId, String tokenHash, Instant expiresAt) {
    jdbc.sql(
            "insert into refresh_token (id, family_id, user_id, token_hash, created_at,"
                + " expires_at) values (:id, :family, :user, :hash, :now, :expires)")
        .param("id", UUID.randomUUID())
        .param("family", familyId)
        .param("user", userId)
        .param("hash", tokenHash)
        .param("now", now())
        .param("expires", Utc.of(expiresAt))
        .update();
  }

  private OffsetDateTime now() {
    return Utc.now(clock);
  }
}
