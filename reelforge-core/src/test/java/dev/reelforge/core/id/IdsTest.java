package dev.reelforge.core.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

  @Test
  void isVersion7WithTheClocksTimestamp() {
    Clock clock = Clock.fixed(Instant.parse("2026-11-21T10:00:00.123Z"), ZoneOffset.UTC);
    UUID id = Ids.newId(clock);
    assertThat(id.version()).isEqualTo(7);
    assertThat(id.variant()).isEqualTo(2);
    assertThat(Ids.timestampMillis(id)).isEqualTo(clock.millis());
  }

  @Test
  void sortsByTimeAndDoesNotCollide() {
    Set<UUID> seen = new HashSet<>();
    UUID earlier = Ids.newId(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    UUID later = Ids.newId(Clock.fixed(Instant.parse("2026-01-01T00:00:01Z"), ZoneOffset.UTC));
    assertThat(earlier.toString()).isLessThan(later.toString());
    Clock fixed = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    for (int i = 0; i < 100_000; i++) {
      assertThat(seen.add(Ids.newId(fixed))).isTrue();
    }
  }
}
