package dev.reelforge.media.archfixture;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;

/** Deliberate violations, used only to prove that the clock rule catches each way of reading it. */
public class ReadsTheWallClock {

  Object[] readings() {
    return new Object[] {
      Instant.now(),
      Clock.systemUTC(),
      System.currentTimeMillis(),
      LocalDate.now(ZoneOffset.UTC),
      new Date(),
      // Allowed: time from a given clock, and elapsed time.
      OffsetDateTime.now(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)),
      System.nanoTime()
    };
  }
}
