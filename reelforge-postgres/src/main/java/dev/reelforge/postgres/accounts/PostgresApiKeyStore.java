package dev.reelforge.postgres.accounts;

import dev.reelforge.core.accounts.ApiKeyStore;
import dev.reelforge.postgres.accounts.internal.Utc;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link ApiKeyStore} on PostgreSQL (table {@code api_key}); keys of disabled users do not work.
 */
public final class PostgresApiKeyStore implements ApiKeyStore {

  private static final String COLUMNS = "id, name, prefix, created_at, last_used_at, revoked_at";

  private final JdbcClient jdbc;
  private final Clock clock;

  public PostgresApiKeyStore(DataSource dataSource, Clock clock) {
    this.jdbc = JdbcClient.create(dataSource);
    this.clock = clock;
  }

  @Override
  public ApiKey create(UUID id, UUID userId, String name, String prefix, String keyHash) {
    jdbc.sql(
            "insert into api_key (id, user_id, name, prefix, key_hash, created_at)"
                + " values (:id, :user, :name, :prefix, :hash, :now)")
        .param("id", id)
        .param("user", userId)
        .param("name", name)
        .param("prefix", prefix)
        .param("hash", keyHash)
        .param("now", Utc.now(clock))
        .update();
    return jdbc.sql("select " + COLUMNS + " from api_key where id = :id")
        .param("id", id)
        .query(PostgresApiKeyStore::key)
        .single();
  }

  @Override
  public Optional<UUID> use(String keyHash) {
    return jdbc.sql(
            "update api_key k set last_used_at = :now from app_user u"
                + " where k.key_hash = :hash and k.revoked_at is null and u.id = k.user_id"
                + " and u.status = 'active' returning k.user_id")
        .param("now", Utc.now(clock))
        .param("hash", keyHash)
        .query(UUID.class)
        .optional();
  }

  @Override
  public List<ApiKey> list(UUID userId) {
    return jdbc.sql("select " + COLUMNS + " from api_key where user_id = :user order by created_at")
        .param("user", userId)
        .query(PostgresApiKeyStore::key)
        .list();
  }

  @Override
  public boolean revoke(UUID userId, UUID keyId) {
    return jdbc.sql(
                "update api_key set revoked_at = :now where id = :id and user_id = :user"
                    + " and revoked_at is null")
            .param("now", Utc.now(clock))
            .param("id", keyId)
            .param("user", userId)
            .update()
        == 1;
  }

  private static ApiKey key(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new ApiKey(
        rs.getObject("id", UUID.class),
        rs.getString("name"),
        rs.getString("prefix"),
        rs.getTimestamp("created_at").toInstant(),
        Optional.ofNullable(rs.getTimestamp("last_used_at")).map(Timestamp::toInstant),
        Optional.ofNullable(rs.getTimestamp("revoked_at")).map(Timestamp::toInstant));
  }
}
