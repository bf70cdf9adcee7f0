package dev.reelforge.publish;

import dev.reelforge.core.licence.EvidenceStore;
import dev.reelforge.core.licence.LicenceEvidence;
import dev.reelforge.core.licence.LicencePolicy;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Seed 002's rule "block distribution if evidence is missing or invalid": a run is published only
 * when it has evidence on record and every item's licence allows the use.
 */
public final class LicenceGate {

  private final EvidenceStore evidence;

  public LicenceGate(EvidenceStore evidence) {
    this.evidence = evidence;
  }

  /** Why {@code runId} may not be published, each reason naming its item; empty when it may. */
  public List<String> refusals(UUID runId) {
    List<LicenceEvidence> items = evidence.forRun(runId);
    if (items.isEmpty()) {
      return List.of(
          "the run has no licensing evidence on record (runs made before the moderation gate"
              + " recorded it cannot be published: make the video again)");
    }
    return items.stream().map(LicencePolicy::refusal).flatMap(Optional::stream).toList();
  }

  public List<LicenceEvidence> evidence(UUID runId) {
    return evidence.forRun(runId);
  }
}
