package dev.reelforge.core.publish.accounts;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.publish.AccountAccess;
import dev.reelforge.core.publish.AccountCredentials;
import dev.reelforge.core.publish.Platform;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Hands out fresh access tokens: an account whose token expires within the margin is refreshed
 * first. A platform that rotates refresh tokens (TikTok; Google may) accepts each one once, so two
 * nodes refreshing the same account at once must not both spend it: a refresher first claims the
 * refresh with a compare-and-set on the row's version (the claim lasts {@code claimLease}), and the
 * others wait for its result instead of calling the platform. A refused refresh marks the account
 * {@code needs_reconnect}.
 */
public final class TokenKeeper implements AccountAccess {

  /** The default margin: a token expiring within 5 minutes is refreshed before use. */
  /**
   * Longer than one upload attempt may take (the publish stage's 30 minutes), so a token handed to
   * an upload does not expire in the middle of it.
   */
  public static final Duration DEFAULT_MARGIN = Duration.ofMinutes(35);

  /** Longer than a token call with its retries may take. */
  public static final Duration DEFAULT_CLAIM_LEASE = Duration.ofMinutes(2);

  private static final Duration POLL_EVERY = Duration.ofMillis(50);

  private final PlatformAccountStore store;
  private final TokenSealer sealer;
  private final PlatformOAuth oauth;
  private final Duration margin;
  private final Duration claimLease;
  private final Clock clock;

  public TokenKeeper(
      PlatformAccountStore store,
      TokenSealer sealer,
      PlatformOAuth oauth,
      Duration margin,
      Duration claimLease,
      Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.sealer = Objects.requireNonNull(sealer, "sealer");
    this.oauth = Objects.requireNonNull(oauth, "oauth");
    this.margin = Objects.requireNonNull(margin, "margin");
    this.claimLease = Objects.requireNonNull(claimLease, "claimLease");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public AccountCredentials credentials(UUID ownerId, UUID accountId, Platform platform) {
    StoredAccount row = current(ownerId, accountId, false);
    if (row.account().platform() != platform) {
      throw notFound(accountId);
    }
    return new AccountCredentials(
        row.account().id().toString(),
        row.account().externalId(),
        sealer.open(row.tokens().accessToken()));
  }

  /**
   * Refreshes the account's token now, whether or not it expires soon (unless another refresher did
   * meanwhile).
   *
   * @throws ReelForgeException RESOURCE_NOT_FOUND for another user's account; AUTH_REQUIRED when
   *     the platform refused the refresh
   */
  public PlatformAccount refreshNow(UUID ownerId, UUID accountId) {
    return current(ownerId, accountId, true).account();
  }

  /** Whether the account's token expires within the margin at {@code now}. */
  public boolean expiresSoon(PlatformAccount account) {
    Instant horizon = clock.instant().plus(margin);
    return account.tokenExpiresAt().map(at -> !at.isAfter(horizon)).orElse(false);
  }

  private StoredAccount current(UUID ownerId, UUID accountId, boolean force) {
    StoredAccount row = find(ownerId, accountId);
    long seen = row.version();
    long waits = Math.max(1, claimLease.plusSeconds(5).toMillis() / POLL_EVERY.toMillis());
    for (long waited = 0; ; ) {
      if (row.account().status() == PlatformAccount.Status.NEEDS_RECONNECT) {
        throw reconnect(row.account(), "it was refused before");
      }
      Instant now = clock.instant();
      if (row.claimedAt(now)) {
        // Another refresher is spending the refresh token: wait for the token it gets.
        if (waited++ >= waits) {
          throw new ReelForgeException(
              ErrorCode.SERVICE_UNAVAILABLE,
              "the " + row.account().platform().key() + " token is being refreshed; try again");
        }
        pause();
        row = find(ownerId, accountId);
        continue;
      }
      boolean needed = force ? row.version() == seen : expiresSoon(row.account());
      if (!needed) {
        return row;
      }
      Optional<StoredAccount> claimed =
          store.replace(row.claimedUntil(Optional.of(now.plus(claimLease))));
      if (claimed.isPresent()) {
        return spend(claimed.get());
      }
      // Another change came first; look again.
      row = find(ownerId, accountId);
    }
  }

  private StoredAccount spend(StoredAccount claimed) {
    PlatformAccount account = claimed.account();
    String refreshToken = sealer.open(claimed.tokens().refreshToken());
    if (refreshToken.isEmpty()) {
      if (account.tokenExpiresAt().map(at -> !at.isAfter(clock.instant())).orElse(false)) {
        return markReconnect(claimed, "its token expired and the platform gave no refresh token");
      }
      return release(claimed);
    }
    PlatformOAuth.Grant grant;
    try {
      grant = oauth.refresh(account, refreshToken);
    } catch (PlatformOAuth.TokenRefused refused) {
      return markReconnect(claimed, refused.getMessage());
    } catch (RuntimeException failure) {
      release(claimed);
      throw failure;
    }
    SealedTokens tokens =
        new SealedTokens(
            sealer.seal(grant.accessToken()),
            grant.refreshToken().isEmpty()
                ? claimed.tokens().refreshToken()
                : sealer.seal(grant.refreshToken()));
    PlatformAccount refreshed =
        new PlatformAccount(
            account.id(),
            account.ownerId(),
            account.platform(),
            account.externalId(),
            account.displayName(),
            grant.scopes().isEmpty() ? account.scopes() : grant.scopes(),
            grant.expiresAt(),
            account.connectedAt(),
            PlatformAccount.Status.CONNECTED);
    return store
        .replace(claimed.with(refreshed, tokens))
        .orElseThrow(
            () ->
                new ReelForgeException(
                    ErrorCode.CONFLICT,
                    "the account changed while its token was refreshed; try again",
                    true,
                    List.of(),
                    null));
  }

  private StoredAccount markReconnect(StoredAccount claimed, String why) {
    store.replace(
        claimed.with(
            claimed.account().withStatus(PlatformAccount.Status.NEEDS_RECONNECT),
            claimed.tokens()));
    throw reconnect(claimed.account(), why);
  }

  private StoredAccount release(StoredAccount claimed) {
    return store.replace(claimed.claimedUntil(Optional.empty())).orElse(claimed);
  }

  private StoredAccount find(UUID ownerId, UUID accountId) {
    return store.find(ownerId, accountId).orElseThrow(() -> notFound(accountId));
  }

  private static ReelForgeException notFound(UUID accountId) {
    return ReelForgeException.notFound("Platform account", accountId);
  }

  private static ReelForgeException reconnect(PlatformAccount account, String why) {
    return new ReelForgeException(
        ErrorCode.AUTH_REQUIRED,
        "the "
            + account.platform().key()
            + " account "
            + account.displayName()
            + " must be connected again: the platform refused to refresh its token ("
            + why
            + ")");
  }

  private static void pause() {
    try {
      Thread.sleep(POLL_EVERY);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ReelForgeException(ErrorCode.INTERNAL_ERROR, "interrupted while waiting", e);
    }
  }
}
