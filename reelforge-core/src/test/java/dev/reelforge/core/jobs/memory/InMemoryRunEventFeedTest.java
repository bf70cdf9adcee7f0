package dev.reelforge.core.jobs.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.jobs.api.StageDefinition;
import dev.reelforge.core.jobs.spi.ClaimRequest;
import dev.reelforge.core.jobs.spi.EventCursor;
import dev.reelforge.core.jobs.spi.FeedEvent;
import dev.reelforge.core.jobs.spi.NewRun;
import dev.reelforge.core.jobs.spi.RunEventFeed.Filter;
import dev.reelforge.core.jobs.spi.WorkSignal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The feed and the wake-up signal of the in-memory store (the PostgreSQL feed's test, mirrored).
 */
class InMemoryRunEventFeedTest {

  private final InMemoryJobStore store = new InMemoryJobStore(Clock.systemUTC());
  private final InMemoryRunEventFeed feed = store.eventFeed();

  @Test
  void eventsComeInWriteOrderFilteredByRunAndOwnerAndPageFromACursor() {
    UUID ada = UUID.randomUUID();
    UUID bob = UUID.randomUUID();
    EventCursor start = feed.head();
    UUID first = submit(ada);
    UUID second = submit(ada);
    UUID bobs = submit(bob);

    List<FeedEvent> all = feed.after(start, Filter.everyRun(), 100);
    assertThat(all).extracting(e -> e.event().runId()).containsExactly(first, second, bobs);
    assertThat(all).extracting(FeedEvent::cursor).isSorted().doesNotHaveDuplicates();
    assertThat(all).allSatisfy(e -> assertThat(e.runKind()).isEqualTo("feed"));
    assertThat(feed.after(start, Filter.ownedBy(ada), 100))
        .extracting(e -> e.event().runId())
        .containsExactly(first, second);
    assertThat(feed.after(start, Filter.run(bobs), 100))
        .extracting(e -> e.event().type())
        .containsExactly("run.queued");

    List<FeedEvent> page = feed.after(start, Filter.everyRun(), 1);
    assertThat(feed.after(page.getFirst().cursor(), Filter.everyRun(), 100))
        .isEqualTo(all.subList(1, all.size()));
    assertThat(feed.head()).isGreaterThan(all.getLast().cursor());
    assertThat(feed.after(feed.head(), Filter.everyRun(), 100)).isEmpty();
    assertThat(feed.after(EventCursor.START, Filter.everyRun(), 100)).isEqualTo(all);
  }

  @Test
  void theSignalAnnouncesReadyWorkAndCancelledRunsUntilClosed() {
    List<String> work = new CopyOnWriteArrayList<>();
    List<UUID> cancelled = new CopyOnWriteArrayList<>();
    WorkSignal signal = store.workSignal();
    signal.subscribe(
        new WorkSignal.Listener() {
          @Override
          public void workAvailable(String queue) {
            work.add(queue);
          }

          @Override
          public void runCancelled(UUID runId) {
            cancelled.add(runId);
          }
        });
    UUID run = submit(UUID.randomUUID());
    assertThat(work).containsExactly("feed-q");
    store
        .taskQueue()
        .claim(new ClaimRequest("w", Set.of("feed-q"), Set.of(), 1, Duration.ofMinutes(1)));
    store.runStore().cancel(run, "user");
    assertThat(cancelled).as("a running task must be told").containsExactly(run);

    signal.close();
    submit(UUID.randomUUID());
    assertThat(work).hasSize(1);
  }

  private UUID submit(UUID owner) {
    UUID id = UUID.randomUUID();
    store
        .runStore()
        .submit(
            new NewRun(
                id,
                owner,
                "feed",
                "{}",
                0,
                Optional.empty(),
                List.of(
                    NewRun.NewTask.of(UUID.randomUUID(), StageDefinition.of("only", "feed-q")))));
    return id;
  }
}
