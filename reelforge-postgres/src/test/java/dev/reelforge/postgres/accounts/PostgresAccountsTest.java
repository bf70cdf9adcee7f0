package dev.reelforge.postgres.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.accounts.AuditLog;
import dev.reelforge.core.accounts.RateLimiter;
import dev.reelforge.core.accounts.RefreshTokenStore.Rotation;
import dev.reelforge.core.accounts.Role;
import dev.reelforge.core.accounts.UsageMeter;
import dev.reelforge.core.accounts.UserAccount;
import dev.reelforge.core.accounts.UserStore;
import dev.reelforge.core.brand.Storyboard;
import dev.reelforge.core.brand.VisionJob;
import dev.reelforge.core.clips.ClipCandidate;
import dev.reelforge.core.clips.ClipExport;
import dev.reelforge.core.clips.ClipSource;
import dev.reelforge.core.clips.UploadSession;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.licence.LicenceEvidence;
import dev.reelforge.core.licence.MediaLicence;
import dev.reelforge.core.publish.Platform;
import dev.reelforge.core.publish.Publication;
import dev.reelforge.postgres.brand.PostgresBrandStore;
import dev.reelforge.postgres.clips.PostgresClipStore;
import dev.reelforge.postgres.licence.PostgresEvidenceStore;
import dev.reelforge.postgres.publish.PostgresPublicationStore;
import dev.reelforge.postgres.testing.PostgresTest;
import dev.reelforge.postgres.testing.TestDatabase;
import dev.reelforge.testkit.MutableClock;
import dev.reelforge.testkit.brand.BrandRecords;
import dev.reelforge.testkit.clips.ClipRecords;
import dev.reelforge.testkit.publish.PublicationRecords;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The account stores on real PostgreSQL, each guarantee raced from two store instances (as two app
 * instances would hold): one rotation per refresh token, one first admin, a rate limit and a quota
 * that concurrent requests cannot pass, and an erasure that leaves nothing of the user.
 */
@PostgresTest
class PostgresAccountsTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:30Z"));
  private final TestDatabase database;
  private final PostgresUserStore users;

  PostgresAccountsTest(TestDatabase database) {
    this.database = database;
    this.users = new PostgresUserStore(database.dataSource(), clock);
  }

  @Test
  void aRefreshTokenRotatesOnceAndAReplayRevokesItsFamily() throws Exception {
    UserAccount user = user("rotating");
    PostgresRefreshTokenStore store = new PostgresRefreshTokenStore(database.dataSource(), clock);
    PostgresRefreshTokenStore other = new PostgresRefreshTokenStore(database.dataSource(), clock);
    UUID family = UUID.randomUUID();
    Instant expires = clock.instant().plus(Duration.ofDays(7));
    store.start(user.id(), family, "t0", expires);

    // Two instances use the same token at once: one rotates, the other sees a replay.
    List<Rotation> outcomes =
        race(
            List.of(
                () -> store.rotate("t0", "t1-a", expires),
                () -> other.rotate("t0", "t1-b", expires)));
    assertThat(outcomes).filteredOn(r -> r instanceof Rotation.Rotated).hasSize(1);
    assertThat(outcomes).filteredOn(r -> r instanceof Rotation.Replayed).hasSize(1);
    // The replay revoked the family, the successor the winner got included.
    String successor = outcomes.get(0) instanceof Rotation.Rotated ? "t1-a" : "t1-b";
    assertThat(store.rotate(successor, "t2", expires)).isInstanceOf(Rotation.Invalid.class);

    // A fresh family rotates normally, expires, and logs out.
    store.start(user.id(), UUID.randomUUID(), "u0", expires);
    assertThat(store.rotate("u0", "u1", expires)).isInstanceOf(Rotation.Rotated.class);
    assertThat(store.rotate("u1", "u2", expires)).isInstanceOf(Rotation.Rotated.class);
    assertThat(store.revokeFamily("u2")).isTrue();
    assertThat(store.rotate("u2", "u3", expires)).isInstanceOf(Rotation.Invalid.class);
    store.start(user.id(), UUID.randomUUID(), "v0", clock.instant().plusSeconds(60));
    clock.advance(Duration.ofSeconds(61));
    assertThat(store.rotate("v0", "v1", expires)).isInstanceOf(Rotation.Invalid.class);
    assertThat(store.rotate("never-issued", "x", expires)).isInstanceOf(Rotation.Invalid.class);
  }

  @Test
  void aHeldTokenNamesItsUserUntilItIsUsedRevokedOrExpired() {
    UserAccount user = user("holding");
    PostgresRefreshTokenStore store = new PostgresRefreshTokenStore(database.dataSource(), clock);
    Instant expires = clock.instant().plus(Duration.ofHours(1));
    store.start(user.id(), UUID.randomUUID(), "h0", expires);
    assertThat(store.holder("h0")).contains(user.id());
    assertThat(store.holder("h0")).as("asking does not use it").contains(user.id());
    assertThat(store.holder("unknown")).isEmpty();

    store.start(user.id(), UUID.randomUUID(), "r0", expires);
    assertThat(store.rotate("r0", "r1", expires)).isInstanceOf(Rotation.Rotated.class);
    assertThat(store.holder("r0")).as("a used token").isEmpty();
    assertThat(store.holder("r1")).contains(user.id());

    assertThat(store.revokeFamily("h0")).isTrue();
    assertThat(store.holder("h0")).as("signed out").isEmpty();

    store.start(user.id(), UUID.randomUUID(), "e0", clock.instant().plusSeconds(60));
    clock.advance(Duration.ofSeconds(61));
    assertThat(store.holder("e0")).as("expired").isEmpty();
    store.revokeAll(user.id());
    assertThat(store.holder("r1")).as("every session ended").isEmpty();
  }

  @Test
  void usernamesAreUniqueRegardlessOfCase() {
    user("Casey");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> user("casey"))
        .isInstanceOf(ReelForgeException.class)
        .hasMessageContaining("taken");
    assertThat(users.findByUsername("CASEY")).isPresent();
  }

  @Test
  void aRateLimitIsSharedByInstancesAndCountsOnlyWhatItLetsThrough() throws Exception {
    RateLimiter one = new PostgresRateLimiter(database.dataSource(), clock);
    RateLimiter two = new PostgresRateLimiter(database.dataSource(), clock);
    String bucket = "ai:user:" + UUID.randomUUID();
    List<Callable<RateLimiter.Decision>> calls = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      RateLimiter limiter = i % 2 == 0 ? one : two;
      calls.add(() -> limiter.acquire(bucket, 10, Duration.ofMinutes(1)));
    }
    List<RateLimiter.Decision> decisions = race(calls);
    assertThat(decisions).filteredOn(RateLimiter.Decision::allowed).hasSize(10);
    RateLimiter.Decision refused =
        decisions.stream().filter(d -> !d.allowed()).findFirst().orElseThrow();
    assertThat(refused.remaining()).isZero();
    assertThat(refused.resetsAt()).isEqualTo(Instant.parse("2026-11-22T10:01:00Z"));
    // The next window starts afresh (refused requests were not counted into it).
    clock.advance(Duration.ofSeconds(30));
    assertThat(one.acquire(bucket, 10, Duration.ofMinutes(1)).remaining()).isEqualTo(9);
    assertThat(two.purge(clock.instant().plusSeconds(1))).as("the ended window").isEqualTo(1);
  }

  @Test
  void aQuotaHoldsUnderConcurrentUseAndResetsWithTheDay() throws Exception {
    UsageMeter one = new PostgresUsageMeter(database.dataSource(), clock);
    UsageMeter two = new PostgresUsageMeter(database.dataSource(), clock);
    UUID owner = UUID.randomUUID();
    UsageMeter.Limits limits = new UsageMeter.Limits(5, 7);
    List<Callable<UsageMeter.Decision>> calls = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      UsageMeter meter = i % 2 == 0 ? one : two;
      calls.add(() -> meter.consume(owner, "render", 1, limits));
    }
    List<UsageMeter.Decision> decisions = race(calls);
    assertThat(decisions).filteredOn(UsageMeter.Decision::allowed).hasSize(5);
    UsageMeter.Decision refused =
        decisions.stream().filter(d -> !d.allowed()).findFirst().orElseThrow();
    assertThat(refused.exceededPeriod()).isEqualTo("day");
    assertThat(refused.resetsAt()).isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));

    clock.advance(Duration.ofDays(1));
    assertThat(one.consume(owner, "render", 1, limits).allowed()).isTrue();
    assertThat(one.consume(owner, "render", 1, limits).allowed()).isTrue();
    UsageMeter.Decision monthly = one.consume(owner, "render", 1, limits);
    assertThat(monthly.allowed()).isFalse();
    assertThat(monthly.exceededPeriod()).isEqualTo("month");
    assertThat(monthly.resetsAt()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    assertThat(one.current(owner, List.of("render", "script")))
        .containsExactly(
            new UsageMeter.Usage("render", 2, 7), new UsageMeter.Usage("script", 0, 0));
    assertThat(one.history(owner, 7))
        .extracting(UsageMeter.DailyUsage::units)
        .containsExactly(5, 2);
  }

  @Test
  void onlyOneFirstUserIsMadeWhenInstancesStartTogether() throws Exception {
    JdbcClient.create(database.dataSource()).sql("truncate app_user cascade").update();
    PostgresUserStore other = new PostgresUserStore(database.dataSource(), clock);
    List<Callable<Optional<UserAccount>>> starts = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      PostgresUserStore store = i % 2 == 0 ? users : other;
      String name = "admin" + i;
      starts.add(() -> store.createFirst(newUser(name, Role.ADMIN)));
    }
    assertThat(race(starts)).filteredOn(Optional::isPresent).hasSize(1);
    assertThat(users.list()).hasSize(1);
  }

  @Test
  void erasureRemovesEveryRowOfTheUserAndNothingOfOthers() {
    UserAccount gone = user("leaving");
    UserAccount stays = user("staying");
    PostgresCreditLedger ledger = new PostgresCreditLedger(database.dataSource(), clock);
    ledger.grant(gone.id(), 10, "test", Optional.empty());
    ledger.grant(stays.id(), 10, "test", Optional.empty());
    new PostgresUsageMeter(database.dataSource(), clock)
        .consume(gone.id(), "script", 1, new UsageMeter.Limits(0, 0));
    new PostgresApiKeyStore(database.dataSource(), clock)
        .create(UUID.randomUUID(), gone.id(), "ci", "rfk_abc", "hash-" + gone.id());
    new PostgresQuotaOverrides(database.dataSource(), clock)
        .set(gone.id(), "video", new UsageMeter.Limits(9, 90));
    JdbcClient jdbc = JdbcClient.create(database.dataSource());
    jdbc.sql(
            "insert into story_session (id, owner_id, document, version, created_at, updated_at)"
                + " values (:id, :owner, '{}', 1, now(), now())")
        .param("id", "story-" + gone.id())
        .param("owner", gone.id())
        .update();

    // Brand uploads and their storyboards, one of them soft-deleted already: erasure takes both.
    PostgresBrandStore brand = new PostgresBrandStore(database.dataSource(), clock);
    VisionJob goneJob =
        brand.insert(BrandRecords.upload(gone.id(), BrandRecords.hash(), clock.instant())).job();
    brand.insert(BrandRecords.storyboard(goneJob, 1, clock.instant()));
    VisionJob deletedJob =
        brand.insert(BrandRecords.upload(gone.id(), BrandRecords.hash(), clock.instant())).job();
    brand.insert(BrandRecords.storyboard(deletedJob, 1, clock.instant()));
    brand.deleteVisionJob(gone.id(), deletedJob.id());
    VisionJob staysJob =
        brand.insert(BrandRecords.upload(stays.id(), BrandRecords.hash(), clock.instant())).job();
    Storyboard staysBoard = brand.insert(BrandRecords.storyboard(staysJob, 1, clock.instant()));

    // Publications with their targets, and the licensing evidence kept with each user's run.
    PostgresPublicationStore publications = new PostgresPublicationStore(database.dataSource());
    UUID goneRun = run(jdbc, gone.id());
    UUID staysRun = run(jdbc, stays.id());
    Publication gonePublication = publication(gone.id(), goneRun);
    Publication staysPublication = publication(stays.id(), staysRun);
    publications.create(gonePublication);
    publications.create(staysPublication);
    PostgresEvidenceStore evidence = new PostgresEvidenceStore(database.dataSource());
    evidence.record(goneRun, List.of(evidenceOf("music")));
    evidence.record(staysRun, List.of(evidenceOf("music")));

    // Clip sources with their candidates and exports, and an upload under way.
    PostgresClipStore clips = new PostgresClipStore(database.dataSource());
    ClipSource goneSource = clipSource(clips, gone.id(), goneRun);
    ClipSource staysSource = clipSource(clips, stays.id(), staysRun);

    PostgresAuditLog audit = new PostgresAuditLog(database.dataSource(), clock);
    audit.record(audited(gone.id(), "gone-" + gone.id()));
    audit.record(audited(stays.id(), "stays-" + stays.id()));

    PostgresAccountErasure erasure = new PostgresAccountErasure(database.dataSource());
    assertThat(erasure.sessionIds(gone.id())).containsExactly("story-" + gone.id());
    assertThat(erasure.erase(gone.id())).isTrue();
    for (String table :
        List.of(
            "credit_ledger",
            "credit_account",
            "usage_event",
            "story_session",
            "quota_override",
            "vision_job",
            "director_storyboard",
            "publication",
            "clip_source",
            "clip_export",
            "clip_upload")) {
      assertThat(
              jdbc.sql("select count(*) from " + table + " where owner_id = :o")
                  .param("o", gone.id())
                  .query(Integer.class)
                  .single())
          .as(table)
          .isZero();
    }
    assertThat(
            jdbc.sql("select count(*) from api_key where user_id = :o")
                .param("o", gone.id())
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(users.find(gone.id())).isEmpty();
    assertThat(ledger.balance(stays.id())).isEqualTo(10);
    // The audit log keeps what was done, but no longer where the erased user did it from.
    AuditLog.Entry goneEntry =
        audit.list(Optional.of("user"), Optional.of("gone-" + gone.id()), 1).getFirst().entry();
    assertThat(goneEntry.actorId()).contains(gone.id());
    assertThat(goneEntry.ipAddress()).isEmpty();
    assertThat(goneEntry.userAgent()).isEmpty();
    assertThat(
            audit
                .list(Optional.of("user"), Optional.of("stays-" + stays.id()), 1)
                .getFirst()
                .entry()
                .ipAddress())
        .contains("203.0.113.7");
    assertThat(publications.findByTarget(gonePublication.targets().getFirst().id())).isEmpty();
    assertThat(
            jdbc.sql("select count(*) from publication_target where publication_id = :p")
                .param("p", gonePublication.id())
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(evidence.forRun(goneRun)).isEmpty();
    assertThat(
            jdbc.sql("select count(*) from clip_candidate where source_id = :s")
                .param("s", goneSource.id())
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(clips.source(staysSource.id())).isPresent();
    assertThat(clips.candidates(staysSource.id())).hasSize(1);
    assertThat(clips.exports(staysSource.id())).hasSize(1);
    assertThat(clips.expiredUploads(clock.instant().plus(Duration.ofDays(2)), 10))
        .extracting(UploadSession::ownerId)
        .containsExactly(stays.id());
    assertThat(publications.find(staysPublication.id())).isPresent();
    assertThat(evidence.forRun(staysRun)).hasSize(1);
    assertThat(brand.visionJob(stays.id(), staysJob.id())).isPresent();
    assertThat(brand.storyboard(stays.id(), staysBoard.id())).isPresent();
    assertThat(erasure.erase(gone.id())).isFalse();
  }

  @Test
  void anAuditEntryKeepsTheRequestsAddressAndUserAgent() {
    PostgresAuditLog log = new PostgresAuditLog(database.dataSource(), clock);
    UUID actor = UUID.randomUUID();
    AuditLog.Entry fromRequest =
        new AuditLog.Entry(
                Optional.of(actor),
                "ada (" + actor + ")",
                "credits.grant",
                "user",
                "audited-" + actor,
                "{\"balance\":2}",
                "{\"balance\":7}",
                Optional.of("req-1"))
            .from(
                Optional.of("2001:db8:85a3::8a2e:370:7334"),
                Optional.of("Mozilla/5.0 (X11; Linux x86_64) ReelForgeTest/1.0"));
    AuditLog.Entry fromTheSystem =
        new AuditLog.Entry(
            Optional.empty(),
            "system",
            "user.flag-usage",
            "user",
            "audited-" + actor,
            null,
            "{}",
            Optional.empty());
    log.record(fromRequest);
    log.record(fromTheSystem);

    List<AuditLog.Recorded> recorded =
        log.list(Optional.of("user"), Optional.of("audited-" + actor), 10);
    assertThat(recorded).hasSize(2);
    AuditLog.Entry system = recorded.get(0).entry();
    assertThat(system.ipAddress()).isEmpty();
    assertThat(system.userAgent()).isEmpty();
    AuditLog.Entry request = recorded.get(1).entry();
    assertThat(request.ipAddress()).contains("2001:db8:85a3::8a2e:370:7334");
    assertThat(request.userAgent()).contains("Mozilla/5.0 (X11; Linux x86_64) ReelForgeTest/1.0");
    assertThat(request.requestId()).contains("req-1");
    assertThat(request.actorId()).contains(actor);
  }

  @Test
  void aQuotaOverrideIsSetReplacedListedAndClearedPerUserAndKind() {
    UserAccount one = user("overridden");
    UserAccount other = user("defaulted");
    PostgresQuotaOverrides overrides = new PostgresQuotaOverrides(database.dataSource(), clock);
    overrides.set(one.id(), "image", new UsageMeter.Limits(50, 500));
    overrides.set(one.id(), "image", new UsageMeter.Limits(60, 600));
    overrides.set(one.id(), "video", new UsageMeter.Limits(0, 0));

    assertThat(overrides.find(one.id(), "image")).contains(new UsageMeter.Limits(60, 600));
    assertThat(overrides.all(one.id()))
        .containsExactly(
            Map.entry("image", new UsageMeter.Limits(60, 600)),
            Map.entry("video", new UsageMeter.Limits(0, 0)));
    assertThat(overrides.find(other.id(), "image")).isEmpty();
    assertThat(overrides.clear(one.id(), "image")).isTrue();
    assertThat(overrides.clear(one.id(), "image")).isFalse();
    assertThat(overrides.find(one.id(), "image")).isEmpty();
  }

  private static AuditLog.Entry audited(UUID actor, String target) {
    return new AuditLog.Entry(
            Optional.of(actor),
            "someone",
            "user.update",
            "user",
            target,
            null,
            "{}",
            Optional.empty())
        .from(Optional.of("203.0.113.7"), Optional.of("curl/8.5.0"));
  }

  private UserAccount user(String name) {
    return users.create(newUser(name, Role.CREATOR));
  }

  private UserStore.NewUser newUser(String name, Role role) {
    return new UserStore.NewUser(
        UUID.randomUUID(), name, name, role, Optional.of("hash"), false, Optional.empty());
  }

  /** Runs every call at once from its own thread; their results in order. */
  private static <T> List<T> race(List<Callable<T>> calls) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(calls.size());
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> call : calls) {
        futures.add(
            threads.submit(
                () -> {
                  start.await();
                  return call.call();
                }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get());
      }
      return results;
    } finally {
      threads.shutdownNow();
    }
  }

  private UUID run(JdbcClient jdbc, UUID owner) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into run (id, owner_id, kind, status, inputs, created_at, updated_at)"
                + " values (:id, :owner, 'story', 'succeeded', '{}', now(), now())")
        .param("id", id)
        .param("owner", owner)
        .update();
    return id;
  }

  private Publication publication(UUID owner, UUID run) {
    return PublicationRecords.publication(
        owner,
        run,
        clock.instant(),
        id ->
            List.of(
                PublicationRecords.target(id, Platform.LOCAL, clock.instant()),
                PublicationRecords.target(id, Platform.YOUTUBE, clock.instant())));
  }

  private ClipSource clipSource(PostgresClipStore clips, UUID owner, UUID run) {
    ClipSource source = ClipRecords.source(owner, clock.instant());
    clips.createSource(source);
    ClipCandidate candidate = ClipRecords.candidate(source.id(), 1, 0);
    clips.replaceCandidates(source.id(), List.of(candidate));
    clips.createExport(
        new ClipExport(
            UUID.randomUUID(),
            source.id(),
            owner,
            run,
            List.of(candidate.id()),
            List.of("tiktok"),
            clock.instant()));
    clips.createUpload(ClipRecords.upload(owner, clock.instant(), Duration.ofDays(1)));
    return source;
  }

  private LicenceEvidence evidenceOf(String item) {
    return new LicenceEvidence(
        item, "music", MediaLicence.generated("procedural"), "", "", "", clock.instant());
  }
}
