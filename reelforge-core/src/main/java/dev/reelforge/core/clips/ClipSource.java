package dev.reelforge.core.clips;

import dev.reelforge.core.transcript.TranscriptSource;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An uploaded long video and what is known of it.
 *
 * @param id the source's id
 * @param ownerId who uploaded it
 * @param name the file name the user gave (for display only; files are stored under {@code id})
 * @param fileKey where the video is kept, relative to the clips store
 * @param sizeBytes the video's size
 * @param probe what the probe found
 * @param subtitleKey the SRT/VTT the user gave with it, when any
 * @param status where it stands
 * @param analysisRunId the latest analysis run, once one started
 * @param transcript which engine or file gave the transcript, once there is one
 * @param createdAt when the upload finished
 */
public record ClipSource(
    UUID id,
    UUID ownerId,
    String name,
    String fileKey,
    long sizeBytes,
    SourceProbe probe,
    Optional<String> subtitleKey,
    SourceStatus status,
    Optional<UUID> analysisRunId,
    Optional<TranscriptSource> transcript,
    Instant createdAt) {

  public ClipSource {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(fileKey, "fileKey");
    Objects.requireNonNull(probe, "probe");
    subtitleKey = Objects.requireNonNullElse(subtitleKey, Optional.empty());
    Objects.requireNonNull(status, "status");
    analysisRunId = Objects.requireNonNullElse(analysisRunId, Optional.empty());
    transcript = Objects.requireNonNullElse(transcript, Optional.empty());
    Objects.requireNonNull(createdAt, "createdAt");
  }

  public ClipSource withStatus(SourceStatus newStatus) {
    return new ClipSource(
        id,
        ownerId,
        name,
        fileKey,
        sizeBytes,
        probe,
        subtitleKey,
        newStatus,
        analysisRunId,
        transcript,
        createdAt);
  }

  public ClipSource withAnalysisRun(UUID runId) {
    return new ClipSource(
        id,
        ownerId,
        name,
        fileKey,
        sizeBytes,
        probe,
        subtitleKey,
        SourceStatus.ANALYSING,
        Optional.of(runId),
        transcript,
        createdAt);
  }

  public ClipSource withTranscript(TranscriptSource used) {
    return new ClipSource(
        id,
        ownerId,
        name,
        fileKey,
        sizeBytes,
        probe,
        subtitleKey,
        status,
        analysisRunId,
        Optional.of(used),
        createdAt);
  }

  /** Where a source stands. */
  public enum SourceStatus {
    /** Stored and probed; not analysed yet. */
    UPLOADED,
    /** An analysis run is working on it. */
    ANALYSING,
    /** Candidates are ready. */
    ANALYSED,
    /** The last analysis failed; another may be started. */
    FAILED
  }
}
