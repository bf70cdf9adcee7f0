package dev.reelforge.core.jobs.spi;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The run event log read as one feed in commit order, by every node: what live streams, webhooks
 * and catch-up after a reconnect read. Only events of finished transactions are returned, so a
 * reader never skips one that commits late.
 */
public interface RunEventFeed {

  /** Where the log stands now: every event committed from now on comes after it. */
  EventCursor head();

  /** Up to {@code limit} committed events after {@code after} that match {@code filter}. */
  List<FeedEvent> after(EventCursor after, Filter filter, int limit);

  /** Which runs' events to read; both empty: every run. */
  record Filter(Optional<UUID> runId, Optional<UUID> ownerId) {

    public static Filter everyRun() {
      return new Filter(Optional.empty(), Optional.empty());
    }

    public static Filter run(UUID runId) {
      return new Filter(Optional.of(runId), Optional.empty());
    }

    public static Filter ownedBy(UUID ownerId) {
      return new Filter(Optional.empty(), Optional.of(ownerId));
    }

    public boolean matches(FeedEvent event) {
      return runId.map(r -> r.equals(event.event().runId())).orElse(true)
          && ownerId.map(o -> o.equals(event.ownerId())).orElse(true);
    }
  }
}
