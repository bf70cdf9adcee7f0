package dev.reelforge.core.moderation.gate;

import java.util.List;

/**
 * What the gate decided about a run's content.
 *
 * @param policy the policy's name, e.g. {@code kids+de}
 * @param findings what holds the run, in the order checked; empty when it may go on
 * @param noted flags below the policy's thresholds, for the record
 * @param unchecked what could not be checked, in words (never silently passed)
 * @param moderators which implementations judged, e.g. {@code rules}, {@code ocr-rules}
 */
public record GateVerdict(
    String policy,
    List<GateFinding> findings,
    List<GateFinding> noted,
    List<String> unchecked,
    List<String> moderators) {

  public GateVerdict {
    findings = List.copyOf(findings);
    noted = List.copyOf(noted);
    unchecked = List.copyOf(unchecked);
    moderators = List.copyOf(moderators);
  }

  /** Whether a person must review the run before it goes on. */
  public boolean held() {
    return !findings.isEmpty();
  }

  /** Whether a finding about text remains: regenerating pictures cannot clear it. */
  public boolean textFlagged() {
    return findings.stream().anyMatch(f -> f.kind().equals(GateFinding.TEXT));
  }
}
