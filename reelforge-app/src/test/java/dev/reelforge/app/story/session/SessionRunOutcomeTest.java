package dev.reelforge.app.story.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.app.AppTestDatabase;
import dev.reelforge.app.TestUsers;
import dev.reelforge.core.accounts.Role;
import dev.reelforge.core.jobs.engine.JobService;
import dev.reelforge.core.jobs.engine.RunEndFollower;
import dev.reelforge.core.jobs.spi.RunEventFeed;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.core.jobs.spi.RunStatus;
import dev.reelforge.core.jobs.spi.RunStore;
import dev.reelforge.core.story.session.StorySessionStore;
import dev.reelforge.story.StoryJson;
import dev.reelforge.story.StoryPipeline;
import dev.reelforge.story.session.SessionStatus;
import dev.reelforge.story.session.StorySession;
import dev.reelforge.story.session.StorySessions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A session learns its run's outcome from the run-event feed, once: reading it never writes it,
 * applying the same outcome again writes nothing, and an outcome missed while no node followed the
 * feed (a crash right after the run ended) is settled when a node starts.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"reelforge.jobs.poll-interval=100ms", "reelforge.events.poll-interval=100ms"})
class SessionRunOutcomeTest {

  private static final Path ROOT = tempRoot();

  @Autowired StorySessions sessions;
  @Autowired StorySessionStore store;
  @Autowired JobService jobs;
  @Autowired RunEventFeed feed;
  @Autowired RunStore runStore;
  @Autowired org.springframework.context.ApplicationContext context;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    AppTestDatabase.register(registry, "SessionRunOutcomeTest");
    registry.add("reelforge.storage.local-root", () -> ROOT.resolve("blobs").toString());
    registry.add("reelforge.media.render-work-dir", () -> ROOT.resolve("render").toString());
  }

  @Test
  void theOutcomeIsWrittenOnceFromTheFeedAndSettledAgainAfterACrash() throws Exception {
    UUID owner = TestUsers.create(context, "outcome-owner", Role.ADMIN).id();
    StorySession manual = sessions.manual(owner, "Bees dance.\nThe dance points to flowers.");
    StorySession started = sessions.finalize(owner, manual.id(), null, Optional.empty());
    assertThat(started.status()).isEqualTo(SessionStatus.RENDERING);
    UUID runId = UUID.fromString(started.run().id());
    // An edit while the run works on its snapshot keeps the session rendering: the end still lands.
    StorySession edited =
        sessions.updateBeatText(owner, manual.id(), 1, "The dance points the way to flowers.");
    assertThat(edited.status()).isEqualTo(SessionStatus.RENDERING);

    RunRecord run = await(() -> jobs.run(runId), r -> r.status().isTerminal());
    assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
    StorySession rendered =
        await(() -> sessions.get(owner, manual.id()), s -> s.status() == SessionStatus.RENDERED);
    assertThat(rendered.finalVideo().runId()).isEqualTo(runId.toString());
    assertThat(rendered.story().sentences()).contains("The dance points the way to flowers.");

    long version = version(owner, manual.id());
    sessions.get(owner, manual.id());
    sessions.recent(owner, 10);
    assertThat(version(owner, manual.id())).as("reads never write").isEqualTo(version);
    sessions.runEnded(run);
    assertThat(version(owner, manual.id())).as("the same outcome twice").isEqualTo(version);

    // A crash between the run's end and the session's update: the session still says rendering.
    StorySession stale =
        new StorySession(
            rendered.id(),
            SessionStatus.RENDERING,
            rendered.input(),
            rendered.styleKey(),
            rendered.settings(),
            rendered.story(),
            rendered.shots(),
            rendered.captions(),
            rendered.timeline(),
            started.run(),
            null,
            null,
            rendered.createdAt(),
            rendered.updatedAt());
    assertThat(store.update(owner, manual.id(), version, StoryJson.write(stale))).isPresent();
    assertThat(sessions.get(owner, manual.id()).status()).isEqualTo(SessionStatus.RENDERING);

    try (RunEndFollower restarted =
        new RunEndFollower(
                feed, runStore, StoryPipeline.KIND, sessions::runEnded, Duration.ofMillis(50), 10)
            .start()) {
      StorySession settled =
          await(() -> sessions.get(owner, manual.id()), s -> s.status() == SessionStatus.RENDERED);
      assertThat(settled.finalVideo().runId()).isEqualTo(runId.toString());
      assertThat(settled.outputs()).hasSize(1);
    }
  }

  private long version(UUID owner, String id) {
    return store.find(owner, id).orElseThrow().version();
  }

  private static <T> T await(Supplier<T> read, java.util.function.Predicate<T> done)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    T value = read.get();
    while (!done.test(value) && System.nanoTime() < deadline) {
      Thread.sleep(50);
      value = read.get();
    }
    assertThat(done.test(value)).as("in time: " + value).isTrue();
    return value;
  }

  private static Path tempRoot() {
    try {
      return Files.createTempDirectory("session-run-outcome-test");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
