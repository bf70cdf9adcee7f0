package dev.reelforge.core.licence;

import java.util.List;
import java.util.UUID;

/** The licensing evidence of each run, kept as long as the run. */
public interface EvidenceStore {

  /** Replaces the evidence recorded for {@code runId} (a stage that runs again records again). */
  void record(UUID runId, List<LicenceEvidence> evidence);

  /** What was recorded for {@code runId}, in recording order; empty when nothing was. */
  List<LicenceEvidence> forRun(UUID runId);
}
