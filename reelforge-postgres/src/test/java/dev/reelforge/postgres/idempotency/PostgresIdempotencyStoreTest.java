package dev.reelforge.postgres.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.idempotency.Claim;
import dev.reelforge.core.idempotency.StoredResponse;
import dev.reelforge.postgres.testing.PostgresTest;
import dev.reelforge.postgres.testing.TestDatabase;
import dev.reelforge.testkit.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@PostgresTest
class PostgresIdempotencyStoreTest {

  private static final Duration TTL = Duration.ofMinutes(60);
  private static final Duration STALE = Duration.ofMinutes(15);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
  private final PostgresIdempotencyStore store;
  private final PostgresIdempotencyStore otherInstance;

  PostgresIdempotencyStoreTest(TestDatabase database) {
    this.store = new PostgresIdempotencyStore(database.dataSource(), clock);
    this.otherInstance = new PostgresIdempotencyStore(database.dataSource(), clock);
  }

  @Test
  void aKeyIsGrantedOnceThenInProgressThenAnsweredWithTheStoredBytes() {
    UUID owner = UUID.randomUUID();
    StoredResponse answer =
        new StoredResponse(
            202, "application/json", "{\"runId\":\"r1\"}".getBytes(StandardCharsets.UTF_8));

    assertThat(store.claim(owner, "k1", "hash-a", TTL, STALE)).isInstanceOf(Claim.Granted.class);
    assertThat(otherInstance.claim(owner, "k1", "hash-a", TTL, STALE))
        .isInstanceOf(Claim.InProgress.class);
    assertThat(store.claim(owner, "k1", "hash-b", TTL, STALE)).isInstanceOf(Claim.Mismatch.class);
    store.answer(owner, "k1", answer);

    assertThat(otherInstance.claim(owner, "k1", "hash-a", TTL, STALE))
        .isEqualTo(new Claim.Answered(answer));
    assertThat(store.claim(owner, "k1", "hash-b", TTL, STALE)).isInstanceOf(Claim.Mismatch.class);
    // Keys are per owner: another user's identical key is a new key.
    assertThat(store.claim(UUID.randomUUID(), "k1", "hash-a", TTL, STALE))
        .isInstanceOf(Claim.Granted.class);
  }

  @Test
  void aKeyIsForgottenWhenItsTimeIsUpAndPurged() {
    UUID owner = UUID.randomUUID();
    store.claim(owner, "k2", "hash-a", TTL, STALE);
    store.answer(owner, "k2", new StoredResponse(200, "application/json", new byte[] {'{', '}'}));

    clock.advance(TTL.minusSeconds(1));
    assertThat(store.claim(owner, "k2", "hash-b", TTL, STALE)).isInstanceOf(Claim.Mismatch.class);
    clock.advance(Duration.ofSeconds(1));
    assertThat(store.claim(owner, "k2", "hash-b", TTL, STALE)).isInstanceOf(Claim.Granted.class);

    store.claim(owner, "k3", "hash-a", Duration.ofMinutes(1), STALE);
    clock.advance(Duration.ofMinutes(2));
    assertThat(store.purgeExpired()).isPositive();
    assertThat(store.claim(owner, "k3", "hash-z", TTL, STALE)).isInstanceOf(Claim.Granted.class);
  }

  @Test
  void anUnansweredClaimIsGrantedAgainWhenReleasedOrStale() {
    UUID owner = UUID.randomUUID();
    store.claim(owner, "k4", "hash-a", TTL, STALE);
    store.release(owner, "k4");
    assertThat(store.claim(owner, "k4", "hash-a", TTL, STALE)).isInstanceOf(Claim.Granted.class);

    // Its server died: nobody will answer it.
    clock.advance(STALE.minusSeconds(1));
    assertThat(store.claim(owner, "k4", "hash-a", TTL, STALE)).isInstanceOf(Claim.InProgress.class);
    clock.advance(Duration.ofSeconds(1));
    assertThat(store.claim(owner, "k4", "hash-a", TTL, STALE)).isInstanceOf(Claim.Granted.class);

    // Releasing an answered key keeps the answer.
    store.answer(owner, "k4", new StoredResponse(200, "", new byte[0]));
    store.release(owner, "k4");
    assertThat(store.claim(owner, "k4", "hash-a", TTL, STALE)).isInstanceOf(Claim.Answered.class);
  }

  @Test
  void ofManyConcurrentRequestsWithOneKeyExactlyOneIsGranted() throws Exception {
    UUID owner = UUID.randomUUID();
    int requests = 24;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Claim>> claims = new ArrayList<>();
      for (int i = 0; i < requests; i++) {
        PostgresIdempotencyStore instance = i % 2 == 0 ? store : otherInstance;
        Callable<Claim> claim =
            () -> {
              start.await();
              return instance.claim(owner, "race", "hash-a", TTL, STALE);
            };
        claims.add(pool.submit(claim));
      }
      start.countDown();
      int granted = 0;
      for (Future<Claim> claim : claims) {
        Claim result = claim.get();
        if (result instanceof Claim.Granted) {
          granted++;
        } else {
          assertThat(result).isInstanceOf(Claim.InProgress.class);
        }
      }
      assertThat(granted).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
