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
import dev.reelforge.postgres.testing.TestDatabase;
import dev.reelforge.testkit.videogen.stub.KlingStub;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A brand storyboard whose server stops while Kling produces its scenes is finished by the next
 * server on the same PostgreSQL: the parked review survives, production picks up the scene jobs it
 * started (one Kling submit per scene, never two) and the finished videos are assembled.
 */
class BrandResumeTest {

  private static final String SECRET = "kling-secret-0123456789abcdef";
  private static final KlingStub KLING = new KlingStub("kling-access", SECRET, Clock.systemUTC());

  @AfterAll
  static void stopStub() {
    KLING.close();
  }

  @Test
  void aStoryboardStoppedDuringProductionIsFinishedAfterARestartWithoutSecondSubmits()
      throws Exception {
    TestDatabase database = TestDatabase.freshSchema("BrandResumeTest");
    Path root = Files.createTempDirectory("brand-resume-test");
    Map<String, String> settings =
        Map.of(
            "reelforge.jobs.poll-interval",
            "100ms",
            "reelforge.security.password-hash-cost",
            "4",
            "reelforge.storage.local-root",
            root.resolve("blobs").toString(),
            "reelforge.storage.work-root",
            root.resolve("work").toString(),
            "reelforge.providers.kling.access-key",
            "kling-access",
            "reelforge.providers.kling.secret-key",
            SECRET,
            "reelforge.providers.kling.base-url",
            KLING.baseUrl(),
            "reelforge.providers.kling.poll-every",
            "1s");
    KLING.pollsToFinish(6);

    UUID owner;
    UUID storyboard;
    try (ConfigurableApplicationContext first =
        AppTestDatabase.secondInstance(database, settings)) {
      owner = TestUsers.create(first, "brand-resumer", Role.CREATOR).id();
      first.getBean(CreditLedger.class).grant(owner, 1_000, "test", Optional.empty());
      BrandDirector director = first.getBean(BrandDirector.class);
      CheckedUpload checked =
          first
              .getBean(BrandUploads.class)
              .fromJson(logo(), Files.createDirectories(root.resolve("upload")));
      VisionJob job = director.upload(owner, asUpload(checked)).job();
      await(() -> director.job(owner, job.id()), j -> j.status() == VisionStatus.COMPLETED);

      Storyboard board =
          director.init(
              owner,
              new BrandDirector.InitRequest(
                  job.id(), false, Optional.of(ProductionEngine.KLING), Optional.empty()));
      storyboard = board.id();
      DirectorState review =
          await(
              () -> director.state(owner, board.id()),
              s -> s.storyboard().status() == DirectorStatus.REVIEW);
      for (Scene scene : review.scenes()) {
        director.approveScene(owner, scene.id());
      }
      director.approveProduction(owner, board.id());
      await(KLING::submissions, n -> n >= 1);
      Thread.sleep(500); // the scene job's checkpoint is written right after Kling answers
    }

    try (ConfigurableApplicationContext second =
        AppTestDatabase.secondInstance(database, settings)) {
      BrandDirector director = second.getBean(BrandDirector.class);
      UUID id = storyboard;
      DirectorState done =
          await(
              () -> director.state(owner, id),
              s ->
                  s.storyboard().status() == DirectorStatus.COMPLETED
                      || s.storyboard().status() == DirectorStatus.FAILED,
              Duration.ofMinutes(4));
      assertThat(done.storyboard().status())
          .as(done.storyboard().errorMessage().orElse(""))
          .isEqualTo(DirectorStatus.COMPLETED);
      assertThat(done.scenes()).allMatch(s -> "kling".equals(s.engineUsed()));
      assertThat(done.scenes()).noneMatch(s -> Boolean.TRUE.equals(s.fallbackTriggered()));
      assertThat(KLING.submissions()).as("one Kling submit per scene").isEqualTo(3);
      assertThat(done.result().orElseThrow().videos()).hasSize(3);
    }
  }

  static BrandUploads.FileUpload logo() throws Exception {
    BufferedImage image = new BufferedImage(640, 640, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 640, 640);
    g.setColor(new Color(0xd62828));
    g.fillOval(170, 170, 300, 300);
    g.dispose();
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(image, "png", png);
    byte[] bytes = png.toByteArray();
    return new BrandUploads.FileUpload(
        "logo.png", "image/png", (long) bytes.length, Base64.getEncoder().encodeToString(bytes));
  }

  static BrandDirector.Upload asUpload(CheckedUpload checked) throws Exception {
    Path original = checked.normalisedPng().resolveSibling(checked.storedFilename());
    Files.write(original, checked.bytes());
    return new BrandDirector.Upload(
        checked.originalFilename(),
        checked.storedFilename(),
        checked.mimeType(),
        checked.size(),
        checked.sha256(),
        checked.type().extension(),
        original,
        checked.normalisedPng());
  }

  private static <T> T await(Supplier<T> read, Predicate<T> done) throws InterruptedException {
    return await(read, done, Duration.ofMinutes(2));
  }

  private static <T> T await(Supplier<T> read, Predicate<T> done, Duration patience)
      throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
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
