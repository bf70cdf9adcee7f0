package dev.reelforge.core.publish.accounts;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An account's row: the account, its sealed tokens, the version every change increments (for
 * compare-and-set) and the refresh claim a refresher holds while it spends the refresh token.
 *
 * @param refreshClaimedUntil until when a refresher holds the account's refresh; empty when none
 *     does
 */
public record StoredAccount(
    PlatformAccount account,
    SealedTokens tokens,
    long version,
    Optional<Instant> refreshClaimedUntil) {

  public StoredAccount {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(tokens, "tokens");
    refreshClaimedUntil = Objects.requireNonNullElse(refreshClaimedUntil, Optional.empty());
  }

  /** Whether another refresher holds the refresh at {@code now}. */
  public boolean claimedAt(Instant now) {
    return refreshClaimedUntil.map(until -> until.isAfter(now)).orElse(false);
  }

  public StoredAccount claimedUntil(Optional<Instant> until) {
    return new StoredAccount(account, tokens, version, until);
  }

  public StoredAccount with(PlatformAccount next, SealedTokens nextTokens) {
    return new StoredAccount(next, nextTokens, version, Optional.empty());
  }
}
