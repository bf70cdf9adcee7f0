package dev.reelforge.core.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Credits: a balance per owner that can never go negative, and an append-only ledger of every
 * change. Runs are debited and refunded by the run store in the same transaction as the run's own
 * change (see {@code NewRun.credits}); this port is for balances, grants and the history.
 */
public interface CreditLedger {

  long balance(UUID ownerId);

  /** Adds {@code amount} (> 0) to the owner's balance. */
  Change grant(UUID ownerId, long amount, String actor, Optional<String> note);

  /** The owner's ledger, newest first. */
  List<Entry> entries(UUID ownerId, int limit);

  /** A balance before and after a change. */
  record Change(long before, long after) {}

  /** One row of the ledger. */
  record Entry(
      long id,
      long amount,
      long balanceAfter,
      String reason,
      Optional<UUID> runId,
      String actor,
      Optional<String> note,
      Instant createdAt) {}
}
