package dev.reelforge.testkit.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.publish.AccountCredentials;
import dev.reelforge.core.publish.Platform;
import dev.reelforge.core.publish.accounts.PendingAuthorization;
import dev.reelforge.core.publish.accounts.PlatformAccount;
import dev.reelforge.core.publish.accounts.PlatformAccountStore;
import dev.reelforge.core.publish.accounts.PlatformOAuth;
import dev.reelforge.core.publish.accounts.SealedTokens;
import dev.reelforge.core.publish.accounts.StoredAccount;
import dev.reelforge.core.publish.accounts.TokenKeeper;
import dev.reelforge.core.publish.accounts.TokenSealer;
import dev.reelforge.testkit.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link PlatformAccountStore} honours: accounts found only by their owner,
 * reconnection keeping the id, compare-and-set replacement, single-use pending authorizations —
 * and, with {@link TokenKeeper} on top, concurrent refreshers that spend a rotating refresh token
 * once.
 */
public abstract class PlatformAccountStoreContract {

  protected MutableClock clock;
  protected PlatformAccountStore store;
  private final UUID owner = UUID.randomUUID();
  private final UUID stranger = UUID.randomUUID();

  /** A fresh, empty store on {@code clock}. */
  protected abstract PlatformAccountStore createStore(MutableClock clock);

  @BeforeEach
  void setUp() {
    clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    store = createStore(clock);
  }

  private PlatformAccount account(UUID id, String externalId, Optional<Instant> expires) {
    return new PlatformAccount(
        id,
        owner,
        Platform.TIKTOK,
        externalId,
        "Tides",
        Set.of("video.upload", "user.info.basic"),
        expires,
        clock.instant(),
        PlatformAccount.Status.CONNECTED);
  }

  @Test
  void anAccountIsFoundListedAndDeletedOnlyByItsOwner() {
    UUID id = UUID.randomUUID();
    Instant expires = clock.instant().plus(Duration.ofHours(1));
    StoredAccount stored =
        store.connect(account(id, "open-1", Optional.of(expires)), new SealedTokens("a", "r"));
    assertThat(stored.account().id()).isEqualTo(id);
    StoredAccount found = store.find(owner, id).orElseThrow();
    assertThat(found.account().externalId()).isEqualTo("open-1");
    assertThat(found.account().scopes())
        .containsExactlyInAnyOrder("video.upload", "user.info.basic");
    assertThat(found.account().tokenExpiresAt()).contains(expires);
    assertThat(found.account().status()).isEqualTo(PlatformAccount.Status.CONNECTED);
    assertThat(found.tokens()).isEqualTo(new SealedTokens("a", "r"));
    assertThat(found.refreshClaimedUntil()).isEmpty();
    assertThat(store.list(owner)).extracting(PlatformAccount::id).containsExactly(id);

    assertThat(store.find(stranger, id)).isEmpty();
    assertThat(store.list(stranger)).isEmpty();
    assertThat(store.delete(stranger, id)).isFalse();
    assertThat(store.delete(owner, id)).isTrue();
    assertThat(store.find(owner, id)).isEmpty();
    assertThat(store.delete(owner, id)).isFalse();
  }

  @Test
  void connectingTheSameAccountAgainKeepsItsIdAndReplacesItsTokens() {
    UUID first = UUID.randomUUID();
    store.connect(account(first, "open-1", Optional.empty()), new SealedTokens("a1", "r1"));
    StoredAccount again =
        store.connect(
            account(UUID.randomUUID(), "open-1", Optional.empty())
                .withStatus(PlatformAccount.Status.CONNECTED),
            new SealedTokens("a2", ""));
    assertThat(again.account().id()).isEqualTo(first);
    assertThat(store.find(owner, first).orElseThrow().tokens())
        .isEqualTo(new SealedTokens("a2", ""));
    assertThat(store.list(owner)).hasSize(1);
    store.connect(
        account(UUID.randomUUID(), "open-2", Optional.empty()), new SealedTokens("b", ""));
    assertThat(store.list(owner)).hasSize(2);
  }

  @Test
  void replaceIsACompareAndSetOnTheVersion() {
    UUID id = UUID.randomUUID();
    StoredAccount v1 =
        store.connect(account(id, "open-1", Optional.empty()), new SealedTokens("a", "r"));
    Instant until = clock.instant().plusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
    StoredAccount claimed = store.replace(v1.claimedUntil(Optional.of(until))).orElseThrow();
    assertThat(claimed.version()).isGreaterThan(v1.version());
    assertThat(claimed.refreshClaimedUntil()).contains(until);
    assertThat(claimed.claimedAt(clock.instant())).isTrue();
    assertThat(store.replace(v1.claimedUntil(Optional.empty()))).as("a stale version").isEmpty();

    StoredAccount next =
        claimed.with(
            claimed.account().withStatus(PlatformAccount.Status.NEEDS_RECONNECT),
            new SealedTokens("a2", "r2"));
    StoredAccount stored = store.replace(next).orElseThrow();
    assertThat(stored.account().status()).isEqualTo(PlatformAccount.Status.NEEDS_RECONNECT);
    assertThat(stored.refreshClaimedUntil()).isEmpty();
    assertThat(store.find(owner, id).orElseThrow().tokens())
        .isEqualTo(new SealedTokens("a2", "r2"));
  }

  @Test
  void aPendingAuthorizationIsTakenOnceAndExpiredOnesArePurged() {
    Instant soon = clock.instant().plusSeconds(600).truncatedTo(ChronoUnit.MILLIS);
    String first = "s-" + UUID.randomUUID();
    String second = "s-" + UUID.randomUUID();
    store.savePending(
        new PendingAuthorization(first, owner, Platform.YOUTUBE, "verifier", "http://x/cb", soon));
    store.savePending(
        new PendingAuthorization(
            second, owner, Platform.FACEBOOK, "", "http://x/cb", clock.instant().minusSeconds(1)));
    PendingAuthorization taken = store.takePending(first).orElseThrow();
    assertThat(taken.ownerId()).isEqualTo(owner);
    assertThat(taken.platform()).isEqualTo(Platform.YOUTUBE);
    assertThat(taken.codeVerifier()).isEqualTo("verifier");
    assertThat(taken.redirectUri()).isEqualTo("http://x/cb");
    assertThat(taken.expiresAt()).isEqualTo(soon);
    assertThat(store.takePending(first)).isEmpty();
    assertThat(store.purgePending(clock.instant())).isGreaterThanOrEqualTo(1);
    assertThat(store.takePending(second)).isEmpty();
  }

  @Test
  void concurrentRefreshersSpendARotatingRefreshTokenOnce() throws Exception {
    TokenSealer sealer = new TokenSealer(new byte[32]);
    RotatingPlatform platform = new RotatingPlatform();
    UUID id = UUID.randomUUID();
    store.connect(
        account(id, "open-1", Optional.of(clock.instant().plusSeconds(60))),
        new SealedTokens(sealer.seal("access-0"), sealer.seal("refresh-0")));
    List<Callable<AccountCredentials>> callers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      TokenKeeper keeper =
          new TokenKeeper(
              store, sealer, platform, Duration.ofMinutes(5), Duration.ofMinutes(2), clock);
      callers.add(() -> keeper.credentials(owner, id, Platform.TIKTOK));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (Future<AccountCredentials> result : pool.invokeAll(callers)) {
        assertThat(result.get().accessToken()).isEqualTo("access-1");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(platform.refreshes.get()).isEqualTo(1);
    StoredAccount after = store.find(owner, id).orElseThrow();
    assertThat(sealer.open(after.tokens().refreshToken())).isEqualTo("refresh-1");
    assertThat(after.account().tokenExpiresAt()).contains(clock.instant().plusSeconds(3600));
    assertThat(after.refreshClaimedUntil()).isEmpty();
  }

  @Test
  void aRefusedRefreshMarksTheAccountForReconnection() {
    TokenSealer sealer = new TokenSealer(new byte[32]);
    RotatingPlatform platform = new RotatingPlatform();
    UUID id = UUID.randomUUID();
    store.connect(
        account(id, "open-1", Optional.of(clock.instant().plusSeconds(60))),
        new SealedTokens(sealer.seal("access-0"), sealer.seal("spent")));
    TokenKeeper keeper =
        new TokenKeeper(
            store, sealer, platform, Duration.ofMinutes(5), Duration.ofMinutes(2), clock);
    assertThatThrownBy(() -> keeper.credentials(owner, id, Platform.TIKTOK))
        .isInstanceOf(ReelForgeException.class)
        .extracting(e -> ((ReelForgeException) e).code())
        .isEqualTo(ErrorCode.AUTH_REQUIRED);
    assertThat(store.find(owner, id).orElseThrow().account().status())
        .isEqualTo(PlatformAccount.Status.NEEDS_RECONNECT);
    assertThatThrownBy(() -> keeper.credentials(stranger, id, Platform.TIKTOK))
        .extracting(e -> ((ReelForgeException) e).code())
        .isEqualTo(ErrorCode.RESOURCE_NOT_FOUND);
  }

  /** A platform whose refresh tokens work once, as TikTok's do; refreshing takes a moment. */
  private final class RotatingPlatform implements PlatformOAuth {
    final AtomicInteger refreshes = new AtomicInteger();
    private volatile String valid = "refresh-0";

    @Override
    public synchronized Grant refresh(PlatformAccount account, String refreshToken) {
      if (!refreshToken.equals(valid)) {
        throw new TokenRefused("invalid_grant");
      }
      int n = refreshes.incrementAndGet();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      valid = "refresh-" + n;
      return new Grant(
          "access-" + n,
          valid,
          Optional.of(clock.instant().plusSeconds(3600)),
          Set.of(),
          Optional.empty());
    }

    @Override
    public boolean configured(Platform platform) {
      return true;
    }

    @Override
    public boolean supportsPkce(Platform platform) {
      return true;
    }

    @Override
    public URI authorizationUrl(
        Platform platform, String state, Optional<String> challenge, String redirectUri) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Grant exchange(
        Platform platform, String code, Optional<String> verifier, String redirectUri) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void revoke(Platform platform, String accessToken, String refreshToken) {}
  }
}
