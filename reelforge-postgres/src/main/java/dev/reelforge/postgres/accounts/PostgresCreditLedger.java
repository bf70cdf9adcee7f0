package dev.reelforge.postgres.accounts;

import dev.reelforge.core.accounts.CreditLedger;
import dev.reelforge.postgres.accounts.internal.CreditMoves;
import dev.reelforge.postgres.accounts.internal.Utc;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link CreditLedger} on PostgreSQL: {@code credit_account} balances, {@code credit_ledger}. */
public final class PostgresCreditLedger implements CreditLedger {

  private final JdbcClient jdbc;
  private final CreditMoves moves;
  private final TransactionTemplate transactions;
  private final Clock clock;

  public PostgresCreditLedger(DataSource dataSource, Clock clock) {
    this.jdbc = JdbcClient.create(dataSource);
    this.moves = new CreditMoves(jdbc);
    this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    this.clock = clock;
  }

  @Override
  public long balance(UUID ownerId) {
    return moves.balance(ownerId);
  }

  @Override
  public Change grant(UUID ownerId, long amount, String actor, Optional<String> note) {
    if (amount <= 0) {
      throw new IllegalArgumentException("a grant must be positive");
    }
    return transactions.execute(
        status -> {
          OffsetDateTime now = Utc.now(clock);
          long after = moves.add(ownerId, amount, now);
          moves.append(ownerId, amount, after, "grant", null, actor, note.orElse(null), now);
          return new Change(after - amount, after);
        });
  }

  @Override
  public List<Entry> entries(UUID ownerId, int limit) {
    return jdbc.sql(
            "select id, amount, balance_after, reason, run_id, actor, note, created_at"
                + " from credit_ledger where owner_id = :owner order by id desc limit :limit")
        .param("owner", ownerId)
        .param("limit", limit)
        .query(
            (rs, n) ->
                new Entry(
                    rs.getLong("id"),
                    rs.getLong("amount"),
                    rs.getLong("balance_after"),
                    rs.getString("reason"),
                    Optional.ofNullable(rs.getObject("run_id", UUID.class)),
                    rs.getString("actor"),
                    Optional.ofNullable(rs.getString("note")),
                    rs.getTimestamp("created_at").toInstant()))
        .list();
  }
}
