package dev.reelforge.core.clips;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A highlight of a source, proposed by the analysis and kept, discarded or re-trimmed by a person.
 *
 * @param id the candidate's id
 * @param sourceId its source
 * @param rank 1 for the best-scored candidate of the analysis
 * @param startMillis where the clip starts in the source (re-trimming changes it)
 * @param endMillis where it ends
 * @param title a short title from the clip's words
 * @param score in [0,1]
 * @param reasons why it scored, strongest first
 * @param state proposed, kept or discarded
 * @param reframe a person's framing, replacing the tracker's
 */
public record ClipCandidate(
    UUID id,
    UUID sourceId,
    int rank,
    long startMillis,
    long endMillis,
    String title,
    double score,
    List<String> reasons,
    CandidateState state,
    Optional<ReframeOverride> reframe) {

  public ClipCandidate {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(title, "title");
    reasons = List.copyOf(reasons);
    Objects.requireNonNull(state, "state");
    reframe = Objects.requireNonNullElse(reframe, Optional.empty());
    if (startMillis < 0 || endMillis <= startMillis) {
      throw new IllegalArgumentException("a candidate has a length");
    }
  }

  public long durationMillis() {
    return endMillis - startMillis;
  }

  public ClipCandidate withState(CandidateState newState) {
    return new ClipCandidate(
        id, sourceId, rank, startMillis, endMillis, title, score, reasons, newState, reframe);
  }

  public ClipCandidate withTrim(long newStart, long newEnd) {
    return new ClipCandidate(
        id, sourceId, rank, newStart, newEnd, title, score, reasons, state, reframe);
  }

  public ClipCandidate withReframe(Optional<ReframeOverride> newReframe) {
    return new ClipCandidate(
        id, sourceId, rank, startMillis, endMillis, title, score, reasons, state, newReframe);
  }

  /** What a person made of a candidate. */
  public enum CandidateState {
    PROPOSED,
    KEPT,
    DISCARDED
  }
}
