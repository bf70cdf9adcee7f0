package dev.reelforge.postgres.accounts;

import dev.reelforge.core.accounts.Role;
import dev.reelforge.core.accounts.UserAccount;
import dev.reelforge.core.accounts.UserStore;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.postgres.accounts.internal.Utc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link UserStore} on PostgreSQL (table {@code app_user}). */
public final class PostgresUserStore implements UserStore {

  private static final String COLUMNS =
      "id, username, display_name, role, status, password_change_required, abuse_flagged_at,"
          + " created_at";

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;

  public PostgresUserStore(DataSource dataSource, Clock clock) {
    this.jdbc = JdbcClient.create(dataSource);
    this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    this.clock = clock;
  }

  @Override
  public UserAccount create(NewUser user) {
    try {
      insert(user, "");
    } catch (DuplicateKeyException e) {
      throw new ReelForgeException(
          ErrorCode.CONFLICT, "the username " + user.username() + " is taken");
    }
    return find(user.id()).orElseThrow();
  }

  @Override
  public Optional<UserAccount> createFirst(NewUser user) {
    // Two instances starting together on an empty database must make one admin, not two: the
    // advisory lock orders them and the second sees the first's user.
    Integer inserted =
        transactions.execute(
            status -> {
              jdbc.sql("select pg_advisory_xact_lock(hashtext('reelforge.first-user'))")
                  .query()
                  .singleValue();
              return insert(user, " where not exists (select 1 from app_user)");
            });
    return inserted != null && inserted == 1 ? find(user.id()) : Optional.empty();
  }

  private int insert(NewUser user, String condition) {
    OffsetDateTime now = now();
    return jdbc.sql(
            "insert into app_user (id, username, display_name, role, password_hash,"
                + " password_change_required, oidc_issuer, oidc_subject, created_at, updated_at)"
                + " select :id, :username, :display, :role, :hash, :change, :issuer, :subject,"
                + " :now, :now"
                + condition)
        .param("id", user.id())
        .param("username", user.username())
        .param("display", user.displayName())
        .param("role", user.role().wireName())
        .param("hash", user.passwordHash().orElse(null))
        .param("change", user.passwordChangeRequired())
        .param("issuer", user.oidc().map(OidcIdentity::issuer).orElse(null))
        .param("subject", user.oidc().map(OidcIdentity::subject).orElse(null))
        .param("now", now)
        .update();
  }

  @Override
  public Optional<UserAccount> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from app_user where id = :id")
        .param("id", id)
        .query(PostgresUserStore::user)
        .optional();
  }

  @Override
  public Optional<UserAccount> findByUsername(String username) {
    return jdbc.sql("select " + COLUMNS + " from app_user where lower(username) = lower(:name)")
        .param("name", username)
        .query(PostgresUserStore::user)
        .optional();
  }

  @Override
  public Optional<UserAccount> findByOidcSubject(String issuer, String subject) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from app_user where oidc_issuer = :issuer and oidc_subject = :subject")
        .param("issuer", issuer)
        .param("subject", subject)
        .query(PostgresUserStore::user)
        .optional();
  }

  @Override
  public Optional<Credentials> credentials(String username) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + ", password_hash from app_user where lower(username) = lower(:name)"
                + " and status = 'active' and password_hash is not null")
        .param("name", username)
        .query((rs, n) -> new Credentials(user(rs, n), rs.getString("password_hash")))
        .optional();
  }

  @Override
  public List<UserAccount> list() {
    return jdbc.sql("select " + COLUMNS + " from app_user order by created_at, username")
        .query(PostgresUserStore::user)
        .list();
  }

  @Override
  public boolean setPassword(UUID id, String passwordHash, boolean changeRequired) {
    return jdbc.sql(
                "update app_user set password_hash = :hash, password_change_required = :change,"
                    + " updated_at = :now where id = :id")
            .param("hash", passwordHash)
            .param("change", changeRequired)
            .param("now", now())
            .param("id", id)
            .update()
        == 1;
  }

  @Override
  public boolean setRole(UUID id, Role role) {
    return jdbc.sql("update app_user set role = :role, updated_at = :now where id = :id")
            .param("role", role.wireName())
            .param("now", now())
            .param("id", id)
            .update()
        == 1;
  }

  @Override
  public boolean setActive(UUID id, boolean active) {
    return jdbc.sql("update app_user set status = :status, updated_at = :now where id = :id")
            .param("status", active ? "active" : "disabled")
            .param("now", now())
            .param("id", id)
            .update()
        == 1;
  }

  @Override
  public void flagAbuse(UUID id) {
    jdbc.sql(
            "update app_user set abuse_flagged_at = :now where id = :id and abuse_flagged_at is"
                + " null")
        .param("now", now())
        .param("id", id)
        .update();
  }

  private OffsetDateTime now() {
    return Utc.now(clock);
  }

  static UserAccount user(ResultSet rs, int row) throws SQLException {
    Timestamp flagged = rs.getTimestamp("abuse_flagged_at");
    return new UserAccount(
        rs.getObject("id", UUID.class),
        rs.getString("username"),
        rs.getString("display_name"),
        Role.fromWire(rs.getString("role")),
        rs.getString("status").equals("active"),
        rs.getBoolean("password_change_required"),
        Optional.ofNullable(flagged).map(Timestamp::toInstant),
        rs.getTimestamp("created_at").toInstant());
  }
}
