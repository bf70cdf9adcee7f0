package dev.reelforge.postgres.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.cluster.NodeInfo;
import dev.reelforge.core.id.Ids;
import dev.reelforge.postgres.testing.PostgresTest;
import dev.reelforge.postgres.testing.TestDatabase;
import dev.reelforge.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

@PostgresTest
class PostgresNodeRegistryTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-29T01:30:00Z"));

  @Test
  void recordsStartHeartbeatAndStop(TestDatabase db) {
    PostgresNodeRegistry registry = new PostgresNodeRegistry(db.dataSource(), clock);
    NodeInfo node =
        new NodeInfo(
            Ids.newId(clock),
            "host-a",
            4242,
            "0.1.0",
            Set.of("api", "worker"),
            clock.instant(),
            clock.instant(),
            Optional.empty());
    registry.register(node);
    clock.advance(Duration.ofSeconds(30));
    registry.touch(node.id());
    clock.advance(Duration.ofSeconds(30));
    registry.markStopped(node.id());

    List<NodeInfo> recent = registry.recent(10);
    assertThat(recent).hasSize(1);
    NodeInfo stored = recent.getFirst();
    assertThat(stored.roles()).containsExactlyInAnyOrder("api", "worker");
    // Instants survive a session zone far from UTC unchanged.
    assertThat(stored.startedAt()).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    assertThat(stored.stoppedAt()).contains(Instant.parse("2026-03-29T01:31:00Z"));
    assertThat(stored.lastSeenAt()).isEqualTo(Instant.parse("2026-03-29T01:31:00Z"));
  }

  @Test
  void runsInANonUtcSessionZone(TestDatabase db) {
    String zone =
        JdbcClient.create(db.dataSource()).sql("show timezone").query(String.class).single();
    assertThat(zone).isEqualTo(TestDatabase.SESSION_TIME_ZONE).isNotEqualToIgnoringCase("UTC");
  }

  @Test
  void listsTheNewestFirst(TestDatabase db) {
    PostgresNodeRegistry registry = new PostgresNodeRegistry(db.dataSource(), clock);
    JdbcClient.create(db.dataSource()).sql("delete from node").update();
    for (int i = 0; i < 3; i++) {
      clock.advance(Duration.ofMinutes(1));
      registry.register(
          new NodeInfo(
              Ids.newId(clock),
              "host-" + i,
              i,
              "0.1.0",
              Set.of("api"),
              clock.instant(),
              clock.instant(),
              Optional.empty()));
    }
    assertThat(registry.recent(2))
        .extracting(NodeInfo::hostname)
        .containsExactly("host-2", "host-1");
  }
}
