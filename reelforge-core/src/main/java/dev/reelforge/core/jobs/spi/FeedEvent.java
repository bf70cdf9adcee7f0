package dev.reelforge.core.jobs.spi;

import java.util.UUID;

/** A committed run event with what a stream needs to route it: its position, owner and kind. */
public record FeedEvent(EventCursor cursor, UUID ownerId, String runKind, RunEvent event) {}
