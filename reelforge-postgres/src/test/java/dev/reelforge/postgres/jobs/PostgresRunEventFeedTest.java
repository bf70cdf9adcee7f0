package dev.reelforge.postgres.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.jobs.api.PipelineDefinition;
import dev.reelforge.core.jobs.api.StageDefinition;
import dev.reelforge.core.jobs.api.StageResult;
import dev.reelforge.core.jobs.engine.PipelineRegistry;
import dev.reelforge.core.jobs.engine.SubmitRequest;
import dev.reelforge.core.jobs.spi.EventCursor;
import dev.reelforge.core.jobs.spi.FeedEvent;
import dev.reelforge.core.jobs.spi.RunEventFeed.Filter;
import dev.reelforge.postgres.testing.PostgresTest;
import dev.reelforge.postgres.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The event feed in commit order: filters by run and owner, cursors that only grow, and an event
 * whose transaction commits after a later-numbered one is neither skipped nor read early.
 */
@PostgresTest
class PostgresRunEventFeedTest {

  private final TestDatabase database;
  private final PostgresRunEventFeed feed;
  private final PipelineRegistry registry =
      new PipelineRegistry()
          .register(
              PipelineDefinition.of("feed", StageDefinition.of("only", "feed-q")),
              Map.of("only", ctx -> StageResult.completed("{}")));

  PostgresRunEventFeedTest(TestDatabase database) {
    this.database = database;
    this.feed = new PostgresRunEventFeed(database.dataSource());
  }

  @Test
  void eventsComeInCommitOrderFilteredByRunAndOwner() throws Exception {
    UUID ada = UUID.randomUUID();
    UUID bob = UUID.randomUUID();
    EventCursor start = feed.head();
    try (EngineNode node = new EngineNode(database, registry, Clock.systemUTC())) {
      UUID first = node.jobs.submit(SubmitRequest.of(ada, "feed", "{}")).run().id();
      UUID second = node.jobs.submit(SubmitRequest.of(ada, "feed", "{}")).run().id();
      UUID bobs = node.jobs.submit(SubmitRequest.of(bob, "feed", "{}")).run().id();

      List<FeedEvent> all = feed.after(start, Filter.everyRun(), 100);
      assertThat(all).extracting(e -> e.event().runId()).containsSubsequence(first, second, bobs);
      assertThat(all).extracting(FeedEvent::cursor).isSorted().doesNotHaveDuplicates();
      assertThat(all).allSatisfy(e -> assertThat(e.runKind()).isEqualTo("feed"));

      assertThat(feed.after(start, Filter.ownedBy(ada), 100))
          .extracting(e -> e.event().runId())
          .containsOnly(first, second);
      assertThat(feed.after(start, Filter.run(bobs), 100))
          .extracting(e -> e.event().type())
          .containsExactly("run.queued");

      // Paging: a cursor from one page starts the next exactly after it.
      List<FeedEvent> page = feed.after(start, Filter.everyRun(), 1);
      assertThat(feed.after(page.getFirst().cursor(), Filter.everyRun(), 100))
          .isEqualTo(all.subList(1, all.size()));
      assertThat(feed.head()).isGreaterThan(all.getLast().cursor());
      assertThat(feed.after(feed.head(), Filter.everyRun(), 100)).isEmpty();
    }
  }

  @Test
  void anEventCommittedLateIsReadAfterTheOnesBeforeItAndNeverSkipped() throws Exception {
    UUID owner = UUID.randomUUID();
    try (EngineNode node = new EngineNode(database, registry, Clock.systemUTC());
        Connection slow = database.dataSource().getConnection();
        Connection quick = database.dataSource().getConnection()) {
      UUID run = node.jobs.submit(SubmitRequest.of(owner, "feed", "{}")).run().id();
      EventCursor cursor = feed.after(EventCursor.START, Filter.run(run), 100).getLast().cursor();

      slow.setAutoCommit(false);
      quick.setAutoCommit(false);
      insert(slow, run, "slow"); // takes the smaller event id, commits last
      insert(quick, run, "quick");
      quick.commit();

      // The quick event waits while an older transaction is open: reading it now and moving the
      // cursor past it would skip the slow one, whose id is smaller.
      assertThat(feed.after(cursor, Filter.run(run), 100)).isEmpty();

      slow.commit();
      List<FeedEvent> both = feed.after(cursor, Filter.run(run), 100);
      assertThat(both).extracting(e -> e.event().type()).containsExactly("slow", "quick");
      assertThat(both.get(0).event().sequence()).isLessThan(both.get(1).event().sequence());
      assertThat(feed.after(both.getLast().cursor(), Filter.run(run), 100)).isEmpty();
    }
  }

  private static void insert(Connection connection, UUID run, String type) throws Exception {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "insert into run_event (run_id, type, data, created_at) values (?, ?, '{}', now())")) {
      statement.setObject(1, run);
      statement.setString(2, type);
      statement.executeUpdate();
    }
  }
}
