package dev.reelforge.app.brand;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.app.AppTestDatabase;
import dev.reelforge.app.TestUsers;
import dev.reelforge.brand.BrandDirector;
import dev.reelforge.brand.DirectorState;
import dev.reelforge.brand.ProductionEngine;
import dev.reelforge.brand.Scene;
import dev.reelforge.core.accounts.CreditLedger;
import dev.reelforge.core.accounts.Role;
import dev.reelforge.core.brand.DirectorStatus;
import dev.reelforge.core.brand.Storyboard;
import dev.reelforge.core.brand.VisionJob;
import dev.reelforge.core.brand.VisionStatus;
import dev.reelforge.mediagen.engines.EngineBreaker;
import dev.reelforge.mediagen.engines.VideoEngines;
import dev.reelforge.postgres.testing.TestDatabase;
import dev.reelforge.testkit.videogen.stub.KlingStub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Seed 001 §7 test 6 through the brand director: while Kling is busy every scene falls back to the
 * next engine of its chain (here the offline engine) and says so, and after five failures Kling's
 * circuit is open.
 */
class BrandProductionFallbackTest {

  private static final String SECRET = "kling-secret-0123456789abcdef";
  private static final KlingStub KLING = new KlingStub("kling-access", SECRET, Clock.systemUTC());

  @AfterAll
  static void stopStub() {
    KLING.close();
  }

  @Test
  void everySceneFallsBackWhileKlingIsBusyAndItsCircuitOpensAfterFiveFailures() throws Exception {
    TestDatabase database = TestDatabase.freshSchema("BrandProductionFallbackTest");
    Path root = Files.createTempDirectory("brand-fallback-test");
    Map<String, String> settings =
        Map.ofEntries(
            Map.entry("reelforge.jobs.poll-interval", "100ms"),
            Map.entry("reelforge.security.password-hash-cost", "4"),
            Map.entry("reelforge.storage.local-root", root.resolve("blobs").toString()),
            Map.entry("reelforge.storage.work-root", root.resolve("work").toString()),
            Map.entry("reelforge.providers.kling.access-key", "kling-access"),
            Map.entry("reelforge.providers.kling.secret-key", SECRET),
            Map.entry("reelforge.providers.kling.base-url", KLING.baseUrl()),
            Map.entry("reelforge.media-jobs.fallback-chains.kling", "local"),
            // Wide enough that a loaded machine neither spreads the five failures past the
            // window nor lets the circuit half-open again before the last scene is made.
            Map.entry("reelforge.media-jobs.breaker-window", "30m"),
            Map.entry("reelforge.media-jobs.breaker-open-for", "30m"),
            Map.entry("reelforge.brand.scene-count", "5"),
            Map.entry("reelforge.brand.scene-seconds", "2"));
    KLING.rateLimitNextSubmits(100, 1);

    try (ConfigurableApplicationContext app = AppTestDatabase.secondInstance(database, settings)) {
      UUID owner = TestUsers.create(app, "brand-fallback", Role.CREATOR).id();
      app.getBean(CreditLedger.class).grant(owner, 1_000, "test", Optional.empty());
      BrandDirector director = app.getBean(BrandDirector.class);
      CheckedUpload checked =
          app.getBean(BrandUploads.class)
              .fromJson(BrandResumeTest.logo(), Files.createDirectories(root.resolve("upload")));
      VisionJob job = director.upload(owner, BrandResumeTest.asUpload(checked)).job();
      await(() -> director.job(owner, job.id()), j -> j.status() == VisionStatus.COMPLETED);
      Storyboard board =
          director.init(
              owner,
              new BrandDirector.InitRequest(
                  job.id(), false, Optional.of(ProductionEngine.KLING), Optional.empty()));
      DirectorState review =
          await(
              () -> director.state(owner, board.id()),
              s -> s.storyboard().status() == DirectorStatus.REVIEW);
      assertThat(review.scenes()).hasSize(5);
      for (Scene scene : review.scenes()) {
        director.approveScene(owner, scene.id());
      }
      director.approveProduction(owner, board.id());

      DirectorState done =
          await(
              () -> director.state(owner, board.id()),
              s ->
                  s.storyboard().status() == DirectorStatus.COMPLETED
                      || s.storyboard().status() == DirectorStatus.FAILED);
      assertThat(done.storyboard().status())
          .as(done.storyboard().errorMessage().orElse(""))
          .isEqualTo(DirectorStatus.COMPLETED);
      assertThat(done.scenes())
          .allSatisfy(
              s -> {
                assertThat(s.engineUsed()).isEqualTo("local");
                assertThat(s.fallbackTriggered()).isTrue();
              });
      EngineBreaker kling =
          app.getBean(VideoEngines.class).breakers().stream()
              .filter(b -> b.engine().equals("kling"))
              .findFirst()
              .orElseThrow();
      assertThat(kling.state()).as(kling.toString()).isEqualTo(EngineBreaker.OPEN);
      assertThat(kling.openUntil()).isPresent();
    }
  }

  private static <T> T await(Supplier<T> read, Predicate<T> done) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    T last = read.get();
    while (!done.test(last)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("gave up waiting; last seen: " + last);
      }
      Thread.sleep(200);
      last = read.get();
    }
    return last;
  }
}
