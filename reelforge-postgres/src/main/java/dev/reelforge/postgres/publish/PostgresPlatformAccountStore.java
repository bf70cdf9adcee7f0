package dev.reelforge.postgres.publish;

import dev.reelforge.core.publish.Platform;
import dev.reelforge.core.publish.accounts.PendingAuthorization;
import dev.reelforge.core.publish.accounts.PlatformAccount;
import dev.reelforge.core.publish.accounts.PlatformAccountStore;
import dev.reelforge.core.publish.accounts.SealedTokens;
import dev.reelforge.core.publish.accounts.StoredAccount;
import dev.reelforge.postgres.accounts.internal.Utc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link PlatformAccountStore} on PostgreSQL ({@code V13__platform_accounts.sql}). A replace is an
 * update guarded by the row's version, so that of two nodes changing one account at once exactly
 * one succeeds; a pending authorization is taken with {@code delete … returning}, so that a state
 * is used once even when the browser comes back twice at the same moment.
 */
public final class PostgresPlatformAccountStore implements PlatformAccountStore {

  private static final String COLUMNS =
      "id, owner_id, platform, external_id, display_name, scopes, access_token, refresh_token,"
          + " token_expires_at, connected_at, status, version, refresh_claimed_until";

  private final JdbcClient jdbc;

  public PostgresPlatformAccountStore(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  @Override
  public StoredAccount connect(PlatformAccount account, SealedTokens tokens) {
    return jdbc.sql(
            "insert into platform_account ("
                + COLUMNS
                + ") values (:id, :owner, :platform, :external, :name, :scopes, :access,"
                + " :refresh, :expires, :connected, :status, 1, null)"
                + " on conflict (owner_id, platform, external_id) do update set"
                + " display_name = excluded.display_name, scopes = excluded.scopes,"
                + " access_token = excluded.access_token, refresh_token = excluded.refresh_token,"
                + " token_expires_at = excluded.token_expires_at,"
                + " connected_at = excluded.connected_at, status = excluded.status,"
                + " version = platform_account.version + 1, refresh_claimed_until = null"
                + " returning "
                + COLUMNS)
        .param("id", account.id())
        .param("owner", account.ownerId())
        .param("platform", account.platform().key())
        .param("external", account.externalId())
        .param("name", account.displayName())
        .param("scopes", String.join(" ", account.scopes()))
        .param("access", tokens.accessToken())
        .param("refresh", tokens.refreshToken())
        .param("expires", account.tokenExpiresAt().map(Utc::of).orElse(null))
        .param("connected", Utc.of(account.connectedAt()))
        .param("status", account.status().key())
        .query(PostgresPlatformAccountStore::row)
        .single();
  }

  @Override
  public Optional<StoredAccount> find(UUID ownerId, UUID accountId) {
    return jdbc.sql(
            "select " + COLUMNS + " from platform_account where id = :id and owner_id = :owner")
        .param("id", accountId)
        .param("owner", ownerId)
        .query(PostgresPlatformAccountStore::row)
        .optional();
  }

  @Override
  public List<PlatformAccount> list(UUID ownerId) {
    return jdbc
        .sql(
            "select "
                + COLUMNS
                + " from platform_account where owner_id = :owner order by connected_at, id")
        .param("owner", ownerId)
        .query(PostgresPlatformAccountStore::row)
        .list()
        .stream()
        .map(StoredAccount::account)
        .toList();
  }

  @Override
  public Optional<StoredAccount> replace(StoredAccount next) {
    PlatformAccount account = next.account();
    return jdbc.sql(
            "update platform_account set display_name = :name, scopes = :scopes,"
                + " access_token = :access, refresh_token = :refresh,"
                + " token_expires_at = :expires, status = :status, version = version + 1,"
                + " refresh_claimed_until = :claimed"
                + " where id = :id and owner_id = :owner and version = :version returning "
                + COLUMNS)
        .param("name", account.displayName())
        .param("scopes", String.join(" ", account.scopes()))
        .param("access", next.tokens().accessToken())
        .param("refresh", next.tokens().refreshToken())
        .param("expires", account.tokenExpiresAt().map(Utc::of).orElse(null))
        .param("status", account.status().key())
        .param("claimed", next.refreshClaimedUntil().map(Utc::of).orElse(null))
        .param("id", account.id())
        .param("owner", account.ownerId())
        .param("version", next.version())
        .query(PostgresPlatformAccountStore::row)
        .optional();
  }

  @Override
  public boolean delete(UUID ownerId, UUID accountId) {
    return jdbc.sql("delete from platform_account where id = :id and owner_id = :owner")
            .param("id", accountId)
            .param("owner", ownerId)
            .update()
        == 1;
  }

  @Override
  public void savePending(PendingAuthorization pending) {
    jdbc.sql(
            "insert into platform_authorization (state, owner_id, platform, code_verifier,"
                + " redirect_uri, expires_at) values (:state, :owner, :platform, :verifier,"
                + " :redirect, :expires)")
        .param("state", pending.state())
        .param("owner", pending.ownerId())
        .param("platform", pending.platform().key())
        .param("verifier", pending.codeVerifier())
        .param("redirect", pending.redirectUri())
        .param("expires", Utc.of(pending.expiresAt()))
        .update();
  }

  @Override
  public Optional<PendingAuthorization> takePending(String state) {
    return jdbc.sql(
            "delete from platform_authorization where state = :state returning state, owner_id,"
                + " platform, code_verifier, redirect_uri, expires_at")
        .param("state", state)
        .query(
            (rs, n) ->
                new PendingAuthorization(
                    rs.getString("state"),
                    rs.getObject("owner_id", UUID.class),
                    Platform.of(rs.getString("platform"), "platform"),
                    rs.getString("code_verifier"),
                    rs.getString("redirect_uri"),
                    instant(rs, "expires_at")))
        .optional();
  }

  @Override
  public int purgePending(Instant before) {
    return jdbc.sql("delete from platform_authorization where expires_at < :before")
        .param("before", Utc.of(before))
        .update();
  }

  private static StoredAccount row(ResultSet rs, int n) throws SQLException {
    String scopes = rs.getString("scopes");
    PlatformAccount account =
        new PlatformAccount(
            rs.getObject("id", UUID.class),
            rs.getObject("owner_id", UUID.class),
            Platform.of(rs.getString("platform"), "platform"),
            rs.getString("external_id"),
            rs.getString("display_name"),
            scopes.isBlank()
                ? Set.of()
                : Arrays.stream(scopes.split(" ")).collect(Collectors.toUnmodifiableSet()),
            Optional.ofNullable(rs.getTimestamp("token_expires_at")).map(Timestamp::toInstant),
            instant(rs, "connected_at"),
            PlatformAccount.Status.ofKey(rs.getString("status")));
    return new StoredAccount(
        account,
        new SealedTokens(rs.getString("access_token"), rs.getString("refresh_token")),
        rs.getLong("version"),
        Optional.ofNullable(rs.getTimestamp("refresh_claimed_until")).map(Timestamp::toInstant));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }
}
