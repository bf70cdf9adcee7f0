package dev.reelforge.core.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The audit log of admin and money actions, with the values before and after (JSON). */
public interface AuditLog {

  void record(Entry entry);

  /** Entries newest first, optionally of one target, at most {@code limit}. */
  List<Recorded> list(Optional<String> targetType, Optional<String> targetId, int limit);

  /** What happened, by whom, to what. {@code before} and {@code after} are JSON or null. */
  record Entry(
      Optional<UUID> actorId,
      String actor,
      String action,
      String targetType,
      String targetId,
      String before,
      String after,
      Optional<String> requestId) {}

  /** A stored entry. */
  record Recorded(long id, Entry entry, Instant createdAt) {}
}
