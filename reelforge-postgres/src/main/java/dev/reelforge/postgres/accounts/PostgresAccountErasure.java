package dev.reelforge.postgres.accounts;

import dev.reelforge.core.accounts.AccountErasure;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link AccountErasure} on PostgreSQL. Tasks, run events and licensing evidence go with their
 * runs; tokens, keys, quota overrides, the moderation preference, the brand director's vision jobs
 * (deleted or not), publications, clip sources, clip exports and clip uploads with their user;
 * storyboards with their vision job, publication targets with their publication, clip candidates
 * and exports with their source (foreign keys with cascade). Quota usage rows stay: they hold no
 * user data, and the platform keeps counting an upload after the user is gone. The audit log keeps
 * its entries: they record what admins did and carry ids; the client address and user agent of the
 * user's own requests are personal data, and are cleared.
 */
public final class PostgresAccountErasure implements AccountErasure {

  private static final List<String> OWNED =
      List.of(
          "delete from credit_ledger where owner_id = :user",
          "delete from credit_account where owner_id = :user",
          "delete from usage_event where owner_id = :user",
          "delete from idempotency_key where owner_id = :user",
          "delete from webhook_endpoint where owner_id = :user",
          "delete from platform_account where owner_id = :user",
          "delete from platform_authorization where owner_id = :user",
          "delete from run where owner_id = :user",
          "delete from story_session where owner_id = :user",
          "update audit_log set ip_address = null, user_agent = null where actor_id = :user");

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;

  public PostgresAccountErasure(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
    this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
  }

  @Override
  public List<String> sessionIds(UUID userId) {
    return jdbc.sql("select id from story_session where owner_id = :user")
        .param("user", userId)
        .query(String.class)
        .list();
  }

  @Override
  public boolean erase(UUID userId) {
    Boolean erased =
        transactions.execute(
            status -> {
              // The ledger refuses deletes except inside an erasure that says so.
              jdbc.sql("select set_config('reelforge.erasing', 'on', true)").query().singleValue();
              for (String delete : OWNED) {
                jdbc.sql(delete).param("user", userId).update();
              }
              return jdbc.sql("delete from app_user where id = :user")
                      .param("user", userId)
                      .update()
                  == 1;
            });
    return Boolean.TRUE.equals(erased);
  }
}
