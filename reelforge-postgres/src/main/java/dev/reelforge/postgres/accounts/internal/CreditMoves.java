package dev.reelforge.postgres.accounts.internal;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The balance changes, each run inside its caller's transaction: the balance row's lock serializes
 * concurrent spenders of one owner, and the ledger row is written with the new balance.
 */
public final class CreditMoves {

  private final JdbcClient jdbc;

  public CreditMoves(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Takes {@code amount} from the owner for {@code runId}.
   *
   * @throws ReelForgeException INSUFFICIENT_CREDITS when the balance is short
   */
  public long debit(UUID ownerId, long amount, UUID runId, OffsetDateTime now) {
    Optional<Long> after =
        jdbc.sql(
                """
                update credit_account set balance = balance - :amount, updated_at = :now
                where owner_id = :owner and balance >= :amount
                returning balance
                """)
            .param("amount", amount)
            .param("now", now)
            .param("owner", ownerId)
            .query(Long.class)
            .optional();
    if (after.isEmpty()) {
      throw new ReelForgeException(
          ErrorCode.INSUFFICIENT_CREDITS,
          "this needs "
              + amount
              + " credits and the balance is "
              + balance(ownerId)
              + "; ask an admin for a grant");
    }
    append(ownerId, -amount, after.get(), "debit", runId, "system", null, now);
    return after.get();
  }

  /** Gives {@code amount} back to the owner for {@code runId}; the ledger's index keeps it once. */
  public long refund(UUID ownerId, long amount, UUID runId, OffsetDateTime now) {
    long after = add(ownerId, amount, now);
    append(ownerId, amount, after, "refund", runId, "system", null, now);
    return after;
  }

  /** Adds {@code amount} to the owner's balance, opening the account if needed. */
  public long add(UUID ownerId, long amount, OffsetDateTime now) {
    return jdbc.sql(
            """
            insert into credit_account (owner_id, balance, updated_at) values (:owner, :amount, :now)
            on conflict (owner_id) do update
              set balance = credit_account.balance + :amount, updated_at = :now
            returning balance
            """)
        .param("owner", ownerId)
        .param("amount", amount)
        .param("now", now)
        .query(Long.class)
        .single();
  }

  public long balance(UUID ownerId) {
    return jdbc.sql("select balance from credit_account where owner_id = :owner")
        .param("owner", ownerId)
        .query(Long.class)
        .optional()
        .orElse(0L);
  }

  public void append(
      UUID ownerId,
      long amount,
      long balanceAfter,
      String reason,
      UUID runId,
      String actor,
      String note,
      OffsetDateTime now) {
    jdbc.sql(
            """
            insert into credit_ledger (owner_id, amount, balance_after, reason, run_id, actor, note,
                                       created_at)
            values (:owner, :amount, :after, :reason, :run, :actor, :note, :now)
            """)
        .param("owner", ownerId)
        .param("amount", amount)
        .param("after", balanceAfter)
        .param("reason", reason)
        .param("run", runId)
        .param("actor", actor)
        .param("note", note)
        .param("now", now)
        .update();
  }
}
