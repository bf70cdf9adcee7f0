package dev.reelforge.core.clips;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One export request's run: the candidates it renders and the presets it renders them in. What it
 * produced is the run's artifact.
 *
 * @param id the export's id
 * @param sourceId its source
 * @param ownerId who asked
 * @param runId the job engine's run that renders it
 * @param candidateIds the candidates, in the order asked
 * @param presets render preset names, e.g. {@code tiktok}, {@code square}
 * @param createdAt when it was asked for
 */
public record ClipExport(
    UUID id,
    UUID sourceId,
    UUID ownerId,
    UUID runId,
    List<UUID> candidateIds,
    List<String> presets,
    Instant createdAt) {

  public ClipExport {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(runId, "runId");
    candidateIds = List.copyOf(candidateIds);
    presets = List.copyOf(presets);
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
