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

  /**
   * What happened, by whom, to what, and from where (seed 001 §3 {@code audit_logs}: IP address and
   * user agent of the request). {@code before} and {@code after} are JSON or null.
   */
  record Entry(
      Optional<UUID> actorId,
      String actor,
      String action,
      String targetType,
      String targetId,
      String before,
      String after,
      Optional<String> requestId,
      Optional<String> ipAddress,
      Optional<String> userAgent) {

    public Entry {
      ipAddress = java.util.Objects.requireNonNullElse(ipAddress, Optional.empty());
      userAgent = java.util.Objects.requireNonNullElse(userAgent, Optional.empty());
    }

    /** An entry not made from a request (the command line, a background task). */
    public Entry(
        Optional<UUID> actorId,
        String actor,
        String action,
        String targetType,
        String targetId,
        String before,
        String after,
        Optional<String> requestId) {
      this(
          actorId,
          actor,
          action,
          targetType,
          targetId,
          before,
          after,
          requestId,
          Optional.empty(),
          Optional.empty());
    }

    /** This entry with the request's client address and user agent. */
    public Entry from(Optional<String> ip, Optional<String> agent) {
      return new Entry(
          actorId, actor, action, targetType, targetId, before, after, requestId, ip, agent);
    }
  }

  /** A stored entry. */
  record Recorded(long id, Entry entry, Instant createdAt) {}
}
