package dev.reelforge.core.jobs.memory;

import dev.reelforge.core.jobs.spi.EventCursor;
import dev.reelforge.core.jobs.spi.FeedEvent;
import dev.reelforge.core.jobs.spi.RunEventFeed;
import java.util.List;

/**
 * {@link RunEventFeed} over an {@link InMemoryJobStore}'s event log. A cursor's transaction is the
 * number of the store write that logged the event; writes are serialised by the store's lock, so
 * every event a reader can see was written completely, and none can appear later before it. Obtain
 * it from {@link InMemoryJobStore#eventFeed()}.
 */
public final class InMemoryRunEventFeed implements RunEventFeed {

  private final JobState state;

  InMemoryRunEventFeed(JobState state) {
    this.state = state;
  }

  @Override
  public EventCursor head() {
    return state.read(state::head);
  }

  @Override
  public List<FeedEvent> after(EventCursor after, Filter filter, int limit) {
    return state.read(() -> state.feedAfter(after, filter::matches, limit));
  }
}
