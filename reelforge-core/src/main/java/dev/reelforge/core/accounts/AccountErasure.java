package dev.reelforge.core.accounts;

import java.util.List;
import java.util.UUID;

/**
 * The right to delete (seed 002): every row a user owns — sessions, runs and their tasks, events
 * and licensing evidence, publications, idempotency records, usage, credits, tokens, keys and the
 * user — removed in one transaction. The caller removes the files.
 */
public interface AccountErasure {

  /** The ids of the user's story sessions: their folders are the files to remove. */
  List<String> sessionIds(UUID userId);

  /**
   * @return false for an unknown user
   */
  boolean erase(UUID userId);
}
