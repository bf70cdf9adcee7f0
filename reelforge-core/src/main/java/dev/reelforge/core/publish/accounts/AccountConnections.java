package dev.reelforge.core.publish.accounts;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.id.Ids;
import dev.reelforge.core.publish.Platform;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Connecting and disconnecting platform accounts: the authorization-code flow from the {@code
 * state} (and PKCE verifier, where the platform takes one) kept for the user, through the code
 * exchange, to the account stored with its tokens sealed; and revocation before removal.
 */
public final class AccountConnections {

  /** How long a user has to grant access at the platform. */
  public static final Duration DEFAULT_PENDING_TTL = Duration.ofMinutes(10);

  private final PlatformAccountStore store;
  private final TokenSealer sealer;
  private final PlatformOAuth oauth;
  private final Duration pendingTtl;
  private final Clock clock;

  public AccountConnections(
      PlatformAccountStore store,
      TokenSealer sealer,
      PlatformOAuth oauth,
      Duration pendingTtl,
      Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.sealer = Objects.requireNonNull(sealer, "sealer");
    this.oauth = Objects.requireNonNull(oauth, "oauth");
    this.pendingTtl = Objects.requireNonNull(pendingTtl, "pendingTtl");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Where to send the user's browser, and the state that will bring it back. */
  public record Started(URI authorizationUrl, String state, Instant expiresAt) {
    @Override
    public String toString() {
      return "Started[until " + expiresAt + "]";
    }
  }

  /**
   * Starts connecting {@code platform} for {@code ownerId}.
   *
   * @param redirectUri where the platform sends the browser back (registered with the platform)
   * @throws ReelForgeException SERVICE_UNAVAILABLE when the platform has no client credentials
   */
  public Started start(UUID ownerId, Platform platform, String redirectUri) {
    requireConfigured(platform);
    String state = Pkce.newState();
    String verifier = oauth.supportsPkce(platform) ? Pkce.newVerifier() : "";
    Instant expiresAt = clock.instant().plus(pendingTtl);
    store.savePending(
        new PendingAuthorization(state, ownerId, platform, verifier, redirectUri, expiresAt));
    URI url =
        oauth.authorizationUrl(
            platform,
            state,
            verifier.isEmpty() ? Optional.empty() : Optional.of(Pkce.challenge(verifier)),
            redirectUri);
    return new Started(url, state, expiresAt);
  }

  /**
   * Finishes the authorization {@code state} with the platform's {@code code}: exchanges it, looks
   * up where posts go, and stores the account (connecting the same one again replaces its tokens
   * and keeps its id).
   *
   * @throws ReelForgeException INVALID_INPUT naming {@code state} when it is unknown, used, expired
   *     or another user's; AUTH_REQUIRED when the platform refuses the code
   */
  public PlatformAccount finish(UUID callerId, String state, String code) {
    PendingAuthorization pending = take(callerId, state);
    if (code == null || code.isBlank()) {
      throw ReelForgeException.invalidField("code", "the platform sent no authorization code");
    }
    PlatformOAuth.Grant grant =
        oauth.exchange(
            pending.platform(),
            code,
            pending.codeVerifier().isEmpty()
                ? Optional.empty()
                : Optional.of(pending.codeVerifier()),
            pending.redirectUri());
    PlatformOAuth.Identity identity =
        grant
            .identity()
            .orElseThrow(
                () ->
                    new ReelForgeException(
                        ErrorCode.EXTERNAL_API_ERROR,
                        pending.platform().key() + " did not say which account was connected"));
    PlatformAccount account =
        new PlatformAccount(
            Ids.newId(clock),
            pending.ownerId(),
            pending.platform(),
            identity.externalId(),
            identity.displayName(),
            grant.scopes(),
            grant.expiresAt(),
            clock.instant(),
            PlatformAccount.Status.CONNECTED);
    SealedTokens tokens =
        new SealedTokens(
            sealer.seal(grant.accessToken()), sealer.sealOrEmpty(grant.refreshToken()));
    return store.connect(account, tokens).account();
  }

  /**
   * Spends the authorization {@code state} without connecting (the user refused at the platform).
   *
   * @return the platform it was for
   */
  public Platform cancel(UUID callerId, String state) {
    return take(callerId, state).platform();
  }

  public List<PlatformAccount> list(UUID ownerId) {
    return store.list(ownerId);
  }

  /**
   * @throws ReelForgeException RESOURCE_NOT_FOUND for another user's account
   */
  public PlatformAccount get(UUID ownerId, UUID accountId) {
    return find(ownerId, accountId).account();
  }

  /** What a disconnection did. */
  public record Disconnected(PlatformAccount account, boolean revoked, String revokeError) {}

  /**
   * Revokes the account's grant at the platform (best effort: a platform that is down or already
   * forgot the grant does not keep the account here), then removes it.
   *
   * @throws ReelForgeException RESOURCE_NOT_FOUND for another user's account
   */
  public Disconnected disconnect(UUID ownerId, UUID accountId) {
    StoredAccount row = find(ownerId, accountId);
    String error = "";
    try {
      oauth.revoke(
          row.account().platform(),
          sealer.open(row.tokens().accessToken()),
          sealer.open(row.tokens().refreshToken()));
    } catch (ReelForgeException e) {
      error = e.getMessage();
    }
    if (!store.delete(ownerId, accountId)) {
      throw ReelForgeException.notFound("Platform account", accountId);
    }
    return new Disconnected(row.account(), error.isEmpty(), error);
  }

  /** Disconnects every account of the user (erasure); answers how many. */
  public int disconnectAll(UUID ownerId) {
    int removed = 0;
    for (PlatformAccount account : store.list(ownerId)) {
      try {
        disconnect(ownerId, account.id());
        removed++;
      } catch (ReelForgeException gone) {
        // Removed meanwhile by another request: nothing left to do for it.
      }
    }
    return removed;
  }

  /** Removes authorizations nobody finished. */
  public int purgeExpired() {
    return store.purgePending(clock.instant());
  }

  private PendingAuthorization take(UUID callerId, String state) {
    if (state == null || state.isBlank() || state.length() > 200) {
      throw ReelForgeException.invalidField("state", "is missing or malformed");
    }
    PendingAuthorization pending =
        store
            .takePending(state)
            .filter(p -> p.ownerId().equals(callerId))
            .orElseThrow(
                () ->
                    ReelForgeException.invalidField(
                        "state", "is unknown or was used already; connect again"));
    if (!pending.expiresAt().isAfter(clock.instant())) {
      throw ReelForgeException.invalidField(
          "state", "expired at " + pending.expiresAt() + "; connect again");
    }
    return pending;
  }

  private StoredAccount find(UUID ownerId, UUID accountId) {
    return store
        .find(ownerId, accountId)
        .orElseThrow(() -> ReelForgeException.notFound("Platform account", accountId));
  }

  private void requireConfigured(Platform platform) {
    if (!platform.needsAccount()) {
      throw ReelForgeException.invalidField("platform", "the local folder needs no account");
    }
    if (!oauth.configured(platform)) {
      String key = platform.key();
      throw new ReelForgeException(
          ErrorCode.SERVICE_UNAVAILABLE,
          platform.key()
              + " accounts cannot be connected here: set reelforge.publish.accounts."
              + key
              + ".client-id and reelforge.publish.accounts."
              + key
              + ".client-secret",
          false,
          List.of(),
          null);
    }
  }
}
