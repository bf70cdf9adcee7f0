package dev.reelforge.core.jobs.api;

import java.util.Objects;
import java.util.Optional;

/**
 * A person's answer to a stage that awaits review (seed 001's traffic light: GREEN approve, YELLOW
 * change with instructions, RED re-roll).
 *
 * @param decision what to do
 * @param payload for {@link Decision#APPROVE}, an output replacing the proposal (empty keeps the
 *     proposal); for {@link Decision#CHANGE}, the requested change handed to the stage
 * @param actor who decided, for the event log
 */
public record ReviewSignal(Decision decision, Optional<String> payload, String actor) {

  /** The decisions a reviewer can take. */
  public enum Decision {
    /** Accept the proposal (or the given payload) as the stage's output. */
    APPROVE,
    /** Run the stage again with the requested change, keeping its checkpoint. */
    CHANGE,
    /** Run the stage again from scratch: its checkpoint is discarded. */
    REROLL
  }

  public ReviewSignal {
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(actor, "actor");
  }
}
