package dev.reelforge.postgres.story;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.story.session.StoredSession;
import dev.reelforge.postgres.testing.PostgresTest;
import dev.reelforge.postgres.testing.TestDatabase;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@PostgresTest
class PostgresStorySessionStoreTest {

  private final PostgresStorySessionStore store;

  PostgresStorySessionStoreTest(TestDatabase database) {
    this.store = new PostgresStorySessionStore(database.dataSource(), Clock.systemUTC());
  }

  @Test
  void aSessionIsReadBackOnlyByItsOwner() {
    UUID owner = UUID.randomUUID();
    StoredSession created = store.create("story-a", owner, "{\"input\":{\"text\":\"moon\"}}");

    assertThat(created.version()).isEqualTo(1);
    assertThat(store.find(owner, "story-a"))
        .hasValueSatisfying(s -> assertThat(s.document()).contains("\"moon\""));
    assertThat(store.find(UUID.randomUUID(), "story-a")).isEmpty();
    assertThat(store.find(owner, "story-missing")).isEmpty();
  }

  @Test
  void recentListsOnlyTheOwnersLiveSessionsNewestFirst() {
    UUID owner = UUID.randomUUID();
    store.create("story-r1", owner, "{}");
    store.create("story-r2", owner, "{}");
    store.create("story-r3", owner, "{}");
    store.create("story-r4", UUID.randomUUID(), "{}");
    store.delete(owner, "story-r2");
    assertThat(store.recent(owner, 10))
        .extracting(StoredSession::id)
        .containsExactly("story-r3", "story-r1");
    assertThat(store.recent(owner, 1)).extracting(StoredSession::id).containsExactly("story-r3");
  }

  @Test
  void anUpdateNamesTheVersionItReadSoConcurrentEditsAreNotLost() {
    UUID owner = UUID.randomUUID();
    store.create("story-b", owner, "{\"n\":1}");

    assertThat(store.update(owner, "story-b", 1, "{\"n\":2}"))
        .hasValueSatisfying(s -> assertThat(s.version()).isEqualTo(2));
    assertThat(store.update(owner, "story-b", 1, "{\"n\":3}")).as("stale version").isEmpty();
    assertThat(store.update(UUID.randomUUID(), "story-b", 2, "{\"n\":4}"))
        .as("other owner")
        .isEmpty();
    assertThat(store.find(owner, "story-b").orElseThrow().document()).isEqualTo("{\"n\": 2}");
  }
}
