package dev.reelforge.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.publish.Platform;
import dev.reelforge.core.publish.QuotaLedger.Usage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuotaCalendarTest {

  @Test
  void youtubesQuotaDayStartsAndEndsAtMidnightPacificTime() {
    QuotaCalendar youtube = QuotaCalendar.youtubeDefault();
    // 06:00 UTC on 6 December is 22:00 on 5 December in Los Angeles (PST, UTC-8).
    Instant now = Instant.parse("2026-12-06T06:00:00Z");

    assertThat(youtube.windowStart(now)).isEqualTo(Instant.parse("2026-12-05T08:00:00Z"));
    assertThat(youtube.nextOpening(now, List.of()))
        .isEqualTo(Instant.parse("2026-12-06T08:00:00Z"));
    assertThat(youtube.unitsPerPost()).isEqualTo(1_600);
    assertThat(youtube.capacity() / youtube.unitsPerPost()).isEqualTo(6);
  }

  @Test
  void aRollingWindowOpensWhenEnoughOfItsOldestPostsRollOut() {
    QuotaCalendar facebook = QuotaCalendar.rolling(Platform.FACEBOOK, 3, Duration.ofHours(24));
    Instant now = Instant.parse("2026-12-06T12:00:00Z");
    List<Usage> window =
        List.of(
            new Usage(Instant.parse("2026-12-06T09:00:00Z"), 1),
            new Usage(Instant.parse("2026-12-05T13:00:00Z"), 1),
            new Usage(Instant.parse("2026-12-06T11:00:00Z"), 1));

    assertThat(facebook.windowStart(now)).isEqualTo(Instant.parse("2026-12-05T12:00:00Z"));
    // Full (3 of 3): the oldest post, at 13:00 yesterday, rolls out just after 13:00 today.
    assertThat(facebook.nextOpening(now, window))
        .isEqualTo(Instant.parse("2026-12-06T13:00:00.001Z"));
  }

  @Test
  void aPostThatCostsSeveralUnitsWaitsForAsManyToRollOut() {
    QuotaCalendar quota =
        new QuotaCalendar(
            Platform.TIKTOK, 10, 4, java.util.Optional.of(Duration.ofHours(1)), ZoneId.of("UTC"));
    Instant now = Instant.parse("2026-12-06T12:00:00Z");
    List<Usage> window =
        List.of(
            new Usage(Instant.parse("2026-12-06T11:10:00Z"), 4),
            new Usage(Instant.parse("2026-12-06T11:20:00Z"), 4));

    // 8 of 10 used; a post needs 4: the first use must roll out (12:10).
    assertThat(quota.nextOpening(now, window)).isEqualTo(Instant.parse("2026-12-06T12:10:00.001Z"));
  }

  @Test
  void aPostCostingMoreThanTheWholeQuotaIsRefused() {
    assertThatThrownBy(() -> QuotaCalendar.daily(Platform.YOUTUBE, 1_000, 1_600, ZoneId.of("UTC")))
        .hasMessageContaining("costs more than the whole quota");
  }
}
