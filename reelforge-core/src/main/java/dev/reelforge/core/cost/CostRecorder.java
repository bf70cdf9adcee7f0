package dev.reelforge.core.cost;

/**
 * Receives a record of every metered provider call. The story pipeline gives each run its own
 * {@link CostLedger}, whose records go into the run manifest and usage accounting.
 */
@FunctionalInterface
public interface CostRecorder {

  /** Discards records, for callers that do not account. */
  CostRecorder NONE = call -> {};

  void record(ProviderCall call);
}
