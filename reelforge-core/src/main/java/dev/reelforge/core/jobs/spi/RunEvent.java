package dev.reelforge.core.jobs.spi;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One entry of a run's event log. {@code sequence} grows by one per event of the run, with no gaps,
 * in the order the changes committed: a client that saw event n asks for those after n.
 *
 * @param type e.g. {@code run.started}, {@code stage.completed}, {@code progress}
 * @param stage the stage it concerns, if any
 * @param data details (JSON object)
 */
public record RunEvent(
    UUID runId, long sequence, String type, Optional<String> stage, String data, Instant at) {}
