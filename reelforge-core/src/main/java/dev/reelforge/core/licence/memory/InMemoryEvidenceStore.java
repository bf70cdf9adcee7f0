package dev.reelforge.core.licence.memory;

import dev.reelforge.core.licence.EvidenceStore;
import dev.reelforge.core.licence.LicenceEvidence;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link EvidenceStore} in this process's memory, for the command line. Each run's evidence is
 * replaced whole, as PostgreSQL's store replaces it in one transaction; times come back to the
 * microsecond as PostgreSQL gives them. Both pass {@code EvidenceStoreContract}.
 */
public final class InMemoryEvidenceStore implements EvidenceStore {

  private final Map<UUID, List<LicenceEvidence>> byRun = new ConcurrentHashMap<>();

  @Override
  public void record(UUID runId, List<LicenceEvidence> evidence) {
    List<LicenceEvidence> stored = evidence.stream().map(InMemoryEvidenceStore::stored).toList();
    if (stored.isEmpty()) {
      byRun.remove(runId);
    } else {
      byRun.put(runId, stored);
    }
  }

  @Override
  public List<LicenceEvidence> forRun(UUID runId) {
    return byRun.getOrDefault(runId, List.of());
  }

  /** PostgreSQL keeps microseconds, rounding the nanoseconds half up (as the driver binds them). */
  private static LicenceEvidence stored(LicenceEvidence evidence) {
    return new LicenceEvidence(
        evidence.item(),
        evidence.kind(),
        evidence.licence(),
        evidence.prompt(),
        evidence.providerResponse(),
        evidence.receipt(),
        evidence.recordedAt().plusNanos(500).truncatedTo(ChronoUnit.MICROS));
  }
}
