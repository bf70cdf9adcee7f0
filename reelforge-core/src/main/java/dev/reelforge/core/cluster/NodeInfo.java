package dev.reelforge.core.cluster;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One ReelForge process that has started against this database.
 *
 * @param id unique per process start
 * @param hostname the machine it runs on
 * @param pid its operating-system process id
 * @param version the ReelForge version it runs
 * @param roles what it does ({@code api}, {@code worker}, {@code scheduler})
 * @param startedAt when it started
 * @param lastSeenAt the last time it reported itself alive
 * @param stoppedAt when it shut down cleanly; empty while it runs or if it died
 */
public record NodeInfo(
    UUID id,
    String hostname,
    long pid,
    String version,
    Set<String> roles,
    Instant startedAt,
    Instant lastSeenAt,
    Optional<Instant> stoppedAt) {

  public NodeInfo {
    roles = Set.copyOf(roles);
  }
}
