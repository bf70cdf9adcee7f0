package dev.reelforge.core.cost;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps the calls recorded during one piece of work, safe to share between threads. */
public final class CostLedger implements CostRecorder {

  private final List<ProviderCall> calls = new CopyOnWriteArrayList<>();

  @Override
  public void record(ProviderCall call) {
    calls.add(call);
  }

  /** Every call so far, in the order recorded. */
  public List<ProviderCall> calls() {
    return List.copyOf(calls);
  }

  /** The sum of the estimates. */
  public BigDecimal totalUsd() {
    return calls.stream().map(ProviderCall::estimatedUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
