package dev.reelforge.core.cost;

import java.util.function.Supplier;

/**
 * Routes the provider calls made by a piece of work on the current thread into a ledger of its own,
 * so that a stage or a run knows what it spent while other work runs beside it.
 */
@FunctionalInterface
public interface CostAttribution {

  /**
   * Runs {@code work}, recording every provider call it makes on this thread into {@code ledger}.
   */
  <T> T attributedTo(CostLedger ledger, Supplier<T> work);

  /** Attributes nothing: the work just runs. */
  CostAttribution NONE =
      new CostAttribution() {
        @Override
        public <T> T attributedTo(CostLedger ledger, Supplier<T> work) {
          return work.get();
        }
      };

  /** The recorder's attribution when it can attribute calls to a piece of work, else none. */
  static CostAttribution of(CostRecorder recorder) {
    return recorder instanceof CostAttribution attribution ? attribution : NONE;
  }
}
