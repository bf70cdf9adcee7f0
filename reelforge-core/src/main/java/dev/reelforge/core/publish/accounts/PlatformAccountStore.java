package dev.reelforge.core.publish.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where connected accounts (with sealed tokens) and pending authorizations are kept. Every read and
 * change of an account names its owner: another user's account is not found.
 */
public interface PlatformAccountStore {

  /**
   * Stores a connected account, or replaces the tokens, scopes, name and status of the owner's
   * account on the same platform with the same external id (connecting again keeps its id).
   *
   * @return the stored row (with the id that was kept)
   */
  StoredAccount connect(PlatformAccount account, SealedTokens tokens);

  Optional<StoredAccount> find(UUID ownerId, UUID accountId);

  /** The owner's accounts, oldest connection first. */
  List<PlatformAccount> list(UUID ownerId);

  /**
   * Replaces the row {@code next.account().id()} with {@code next} (account, tokens and refresh
   * claim) if its version is still {@code next.version()}: compare-and-set, so that of two
   * concurrent changes one wins and the other learns it lost.
   *
   * @return the stored row with its new version, or empty when the version moved (or the row is
   *     gone)
   */
  Optional<StoredAccount> replace(StoredAccount next);

  /**
   * @return false when the owner has no such account
   */
  boolean delete(UUID ownerId, UUID accountId);

  /** Keeps an authorization until the platform answers. */
  void savePending(PendingAuthorization pending);

  /**
   * Removes and answers the authorization of {@code state}: each state is used at most once,
   * whatever the caller does with it.
   */
  Optional<PendingAuthorization> takePending(String state);

  /** Removes authorizations that expired before {@code before}; answers how many. */
  int purgePending(Instant before);
}
