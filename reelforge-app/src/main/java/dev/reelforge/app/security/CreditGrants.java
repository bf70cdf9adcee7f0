package dev.reelforge.app.security;

import dev.reelforge.app.web.Caller;
import dev.reelforge.core.accounts.CreditLedger;
import dev.reelforge.core.error.ReelForgeException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * An admin's grant of credits to a user, checked and audited the same from the API and the pages.
 */
@Component
public class CreditGrants {

  /** The longest note a grant keeps in the ledger. */
  public static final int MAX_NOTE = 500;

  private final Accounts accounts;
  private final CreditLedger credits;
  private final Audit audit;

  CreditGrants(Accounts accounts, CreditLedger credits, Audit audit) {
    this.accounts = accounts;
    this.credits = credits;
    this.audit = audit;
  }

  /**
   * Adds {@code amount} to the user's balance, by the signed-in caller; audited as {@code
   * credits.grant}.
   *
   * @throws ReelForgeException 404 for an unknown user, INVALID_INPUT for an amount below 1 or a
   *     note over {@link #MAX_NOTE} characters
   */
  public CreditLedger.Change grant(UUID userId, long amount, Optional<String> note) {
    accounts.user(userId);
    if (amount < 1) {
      throw ReelForgeException.invalidField("amount", "must be at least 1");
    }
    Optional<String> kept = note.map(String::strip).filter(n -> !n.isEmpty());
    if (kept.filter(n -> n.length() > MAX_NOTE).isPresent()) {
      throw ReelForgeException.invalidField("note", "at most " + MAX_NOTE + " characters");
    }
    CreditLedger.Change change = credits.grant(userId, amount, Caller.currentLabel(), kept);
    audit.record(
        "credits.grant",
        "user",
        userId.toString(),
        Map.of("balance", change.before()),
        Map.of("balance", change.after(), "granted", amount));
    return change;
  }
}
