package dev.reelforge.mediagen.engines;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Which engines a video job asks after its first one fails, in order (seed 001 §6.1). An engine the
 * installation does not have (a vendor without a key) is skipped, as is a repeated one; an engine
 * without a chain has no fallback.
 *
 * <p>The defaults ({@link #defaults()}) are seed 001's chains with its {@code GEMINI_PRO} mapped to
 * Google Veo, plus two of ours:
 *
 * <ul>
 *   <li>{@code kling → luma, veo}; {@code luma → veo, kling}; {@code veo → luma, kling} (seed 001);
 *   <li>{@code runway → kling, luma, veo}: Runway is an image-to-video engine like Kling, which
 *       comes first for the same reason it leads seed 001's list;
 *   <li>{@code local → } nothing: the offline engine moves a camera over a still; falling back from
 *       it to a vendor would send the user's pictures out and bill for them unasked. Likewise no
 *       cloud chain ends in {@code local} by default, because a camera move over the start frame is
 *       not what a user who asked a generative engine paid for; an operator who prefers a clip of
 *       some kind to a failure adds {@code local} to the chains.
 * </ul>
 */
public final class FallbackChains {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,30}");

  private static final FallbackChains DEFAULTS =
      of(
          Map.of(
              VideoEngines.KLING, List.of(VideoEngines.LUMA, VideoEngines.VEO),
              VideoEngines.LUMA, List.of(VideoEngines.VEO, VideoEngines.KLING),
              VideoEngines.VEO, List.of(VideoEngines.LUMA, VideoEngines.KLING),
              VideoEngines.RUNWAY, List.of(VideoEngines.KLING, VideoEngines.LUMA, VideoEngines.VEO),
              VideoEngines.LOCAL, List.of()));

  private final Map<String, List<String>> chains;

  private FallbackChains(Map<String, List<String>> chains) {
    this.chains = chains;
  }

  /** Seed 001's chains and ours, as described above. */
  public static FallbackChains defaults() {
    return DEFAULTS;
  }

  /**
   * Chains as configured: each engine's fallbacks in order.
   *
   * @throws IllegalArgumentException for a name that is not an engine name or an engine that falls
   *     back to itself
   */
  public static FallbackChains of(Map<String, List<String>> chains) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    chains.forEach(
        (engine, fallbacks) -> {
          checkName(engine);
          fallbacks.forEach(FallbackChains::checkName);
          if (fallbacks.contains(engine)) {
            throw new IllegalArgumentException(
                "the fallback chain of " + engine + " names " + engine + " itself");
          }
          copy.put(engine, List.copyOf(fallbacks));
        });
    return new FallbackChains(Map.copyOf(copy));
  }

  /** These chains with {@code overrides} replacing the chains of the engines they name. */
  public FallbackChains with(Map<String, List<String>> overrides) {
    Map<String, List<String>> merged = new LinkedHashMap<>(chains);
    merged.putAll(overrides);
    return of(merged);
  }

  /** The fallbacks configured for {@code engine}, available or not; empty for none. */
  public List<String> fallbacksOf(String engine) {
    return chains.getOrDefault(engine, List.of());
  }

  /** Every engine with a chain, and its fallbacks. */
  public Map<String, List<String>> asMap() {
    return chains;
  }

  /**
   * The engines a job asks, in order: {@code primary}, then its fallbacks that {@code available}
   * accepts, each once.
   */
  public List<String> chain(String primary, Predicate<String> available) {
    Objects.requireNonNull(primary, "primary");
    Set<String> order = new LinkedHashSet<>();
    order.add(primary);
    for (String fallback : fallbacksOf(primary)) {
      if (available.test(fallback)) {
        order.add(fallback);
      }
    }
    return new ArrayList<>(order);
  }

  private static void checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "a video engine's name is lower-case letters, digits, '-' or '_', was '" + name + "'");
    }
  }

  @Override
  public String toString() {
    return chains.toString();
  }
}
