package dev.reelforge.core.cost;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One call to a provider, as metered: what was bought, how much, and what it is estimated to cost.
 *
 * @param provider e.g. {@code openai}, {@code elevenlabs}
 * @param operation e.g. {@code chat}, {@code speech}, {@code image}, {@code search}
 * @param model the model or product used, empty when the provider has one
 * @param quantity how many units were used
 * @param unit what was counted, e.g. {@code tokens}, {@code characters}, {@code images}
 * @param estimatedUsd the estimated price in US dollars (zero for free and offline providers)
 * @param at when the call finished
 * @param took how long it took, retries included
 * @param attempts how many HTTP attempts it needed
 */
public record ProviderCall(
    String provider,
    String operation,
    String model,
    long quantity,
    String unit,
    BigDecimal estimatedUsd,
    Instant at,
    Duration took,
    int attempts) {

  public ProviderCall {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(operation, "operation");
    model = Objects.requireNonNullElse(model, "");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(estimatedUsd, "estimatedUsd");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(took, "took");
  }
}
