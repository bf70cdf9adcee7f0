package dev.reelforge.core.accounts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Quotas: metered work per owner and kind, counted per UTC day and month. Checking and recording
 * happen together, so concurrent requests on several instances cannot pass a limit between them.
 */
public interface UsageMeter {

  /**
   * Records {@code units} of {@code kind} when that keeps the owner within {@code limits}.
   *
   * @return whether it was recorded and the counts after (or at) the decision
   */
  Decision consume(UUID ownerId, String kind, int units, Limits limits);

  /** The owner's counts for today and this month, per kind. */
  List<Usage> current(UUID ownerId, List<String> kinds);

  /** Units per day and kind, for the last {@code days} days including today, oldest first. */
  List<DailyUsage> history(UUID ownerId, int days);

  /** Daily and monthly limits of one kind; zero or less means unlimited. */
  record Limits(int daily, int monthly) {}

  /** A kind's counts. */
  record Usage(String kind, int today, int thisMonth) {}

  /** One day of one kind. */
  record DailyUsage(LocalDate day, String kind, int units) {}

  /** The outcome of {@link #consume}. */
  record Decision(
      boolean allowed, int today, int thisMonth, String exceededPeriod, Instant resetsAt) {}
}
