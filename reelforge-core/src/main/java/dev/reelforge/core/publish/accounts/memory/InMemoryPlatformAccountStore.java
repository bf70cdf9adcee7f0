package dev.reelforge.core.publish.accounts.memory;

import dev.reelforge.core.publish.accounts.PendingAuthorization;
import dev.reelforge.core.publish.accounts.PlatformAccount;
import dev.reelforge.core.publish.accounts.PlatformAccountStore;
import dev.reelforge.core.publish.accounts.SealedTokens;
import dev.reelforge.core.publish.accounts.StoredAccount;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link PlatformAccountStore} in memory, for the in-process engine and tests; every change is made
 * under one lock, which gives the compare-and-set its meaning.
 */
public final class InMemoryPlatformAccountStore implements PlatformAccountStore {

  private final Map<UUID, StoredAccount> accounts = new LinkedHashMap<>();
  private final Map<String, PendingAuthorization> pending = new ConcurrentHashMap<>();

  @Override
  public synchronized StoredAccount connect(PlatformAccount account, SealedTokens tokens) {
    Optional<StoredAccount> same =
        accounts.values().stream()
            .filter(
                row ->
                    row.account().ownerId().equals(account.ownerId())
                        && row.account().platform() == account.platform()
                        && row.account().externalId().equals(account.externalId()))
            .findFirst();
    PlatformAccount kept =
        same.map(
                row ->
                    new PlatformAccount(
                        row.account().id(),
                        account.ownerId(),
                        account.platform(),
                        account.externalId(),
                        account.displayName(),
                        account.scopes(),
                        account.tokenExpiresAt(),
                        account.connectedAt(),
                        account.status()))
            .orElse(account);
    long version = same.map(row -> row.version() + 1).orElse(1L);
    StoredAccount stored = new StoredAccount(kept, tokens, version, Optional.empty());
    accounts.put(kept.id(), stored);
    return stored;
  }

  @Override
  public synchronized Optional<StoredAccount> find(UUID ownerId, UUID accountId) {
    return Optional.ofNullable(accounts.get(accountId))
        .filter(row -> row.account().ownerId().equals(ownerId));
  }

  @Override
  public synchronized List<PlatformAccount> list(UUID ownerId) {
    return accounts.values().stream()
        .map(StoredAccount::account)
        .filter(account -> account.ownerId().equals(ownerId))
        .sorted(Comparator.comparing(PlatformAccount::connectedAt))
        .toList();
  }

  @Override
  public synchronized Optional<StoredAccount> replace(StoredAccount next) {
    StoredAccount current = accounts.get(next.account().id());
    if (current == null
        || current.version() != next.version()
        || !current.account().ownerId().equals(next.account().ownerId())) {
      return Optional.empty();
    }
    StoredAccount stored =
        new StoredAccount(
            next.account(), next.tokens(), next.version() + 1, next.refreshClaimedUntil());
    accounts.put(stored.account().id(), stored);
    return Optional.of(stored);
  }

  @Override
  public synchronized boolean delete(UUID ownerId, UUID accountId) {
    if (find(ownerId, accountId).isEmpty()) {
      return false;
    }
    accounts.remove(accountId);
    return true;
  }

  @Override
  public void savePending(PendingAuthorization authorization) {
    pending.put(authorization.state(), authorization);
  }

  @Override
  public Optional<PendingAuthorization> takePending(String state) {
    return Optional.ofNullable(pending.remove(state));
  }

  @Override
  public int purgePending(Instant before) {
    int[] removed = {0};
    pending
        .values()
        .removeIf(
            p -> {
              boolean expired = p.expiresAt().isBefore(before);
              if (expired) {
                removed[0]++;
              }
              return expired;
            });
    return removed[0];
  }
}
