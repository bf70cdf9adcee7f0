package dev.reelforge.core.publish.memory;

import dev.reelforge.core.publish.QuotaLedger;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@link QuotaLedger} in this process's memory, for the command line: one lock makes
 * count-then-record atomic, as PostgreSQL's advisory lock per scope does across nodes. Both pass
 * {@code QuotaLedgerContract}. Uses are kept until released; nothing survives the process.
 */
public final class InMemoryQuotaLedger implements QuotaLedger {

  /** A recorded use and the target it was reserved for. */
  private record Use(UUID targetId, Instant at, int units) {}

  private static final Comparator<Use> OLDEST_FIRST =
      Comparator.comparing(Use::at).thenComparing(Use::targetId, StoredValues::unsigned);

  private final Map<String, Map<UUID, Use>> scopes = new HashMap<>();

  @Override
  public synchronized Reservation reserve(
      String scope, UUID targetId, int units, int capacity, Instant windowStart, Instant at) {
    if (units <= 0) {
      throw new IllegalArgumentException("units must be positive, not " + units);
    }
    Map<UUID, Use> uses = scopes.computeIfAbsent(scope, s -> new LinkedHashMap<>());
    if (uses.containsKey(targetId)) {
      return Reservation.grant();
    }
    List<Use> window = window(uses, StoredValues.micros(windowStart));
    int used = window.stream().mapToInt(Use::units).sum();
    if (used + units <= capacity) {
      uses.put(targetId, new Use(targetId, StoredValues.micros(at), units));
      return Reservation.grant();
    }
    return new Reservation(false, window.stream().map(u -> new Usage(u.at(), u.units())).toList());
  }

  @Override
  public synchronized void release(String scope, UUID targetId) {
    Map<UUID, Use> uses = scopes.get(scope);
    if (uses != null) {
      uses.remove(targetId);
    }
  }

  @Override
  public synchronized int used(String scope, Instant since) {
    return window(scopes.getOrDefault(scope, Map.of()), StoredValues.micros(since)).stream()
        .mapToInt(Use::units)
        .sum();
  }

  private static List<Use> window(Map<UUID, Use> uses, Instant since) {
    return uses.values().stream()
        .filter(u -> !u.at().isBefore(since))
        .sorted(OLDEST_FIRST)
        .toList();
  }
}
