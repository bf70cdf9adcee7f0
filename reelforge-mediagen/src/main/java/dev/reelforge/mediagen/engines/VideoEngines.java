package dev.reelforge.mediagen.engines;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.providers.ProviderChoice;
import dev.reelforge.core.providers.ProviderPort;
import dev.reelforge.core.providers.ProviderRegistry;
import dev.reelforge.core.resilience.CircuitBreaker;
import dev.reelforge.core.videogen.VideoGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The video engines this installation can use, with what routes a job among them: the engine asked
 * when a job names none, the fallback chains, a retry profile and a circuit breaker per engine. One
 * instance per process; its breakers count the failures of every job this process runs (a cluster
 * keeps one set per node: each node learns an engine is down from its own jobs, within the five
 * failures seed 001 allows).
 */
public final class VideoEngines {

  /** The offline engine: camera motion over a still, in-process. */
  public static final String LOCAL = "local";

  public static final String KLING = "kling";
  public static final String LUMA = "luma";
  public static final String RUNWAY = "runway";

  /** Google Veo: seed 001's {@code GEMINI_PRO}. */
  public static final String VEO = "veo";

  /** A trial job that has not reported this long after its engine's timeout frees its slot. */
  private static final Duration TRIAL_GRACE = Duration.ofMinutes(1);

  private final Map<String, VideoGenerator> engines;
  private final Optional<String> defaultEngine;
  private final FallbackChains chains;
  private final Map<String, RetryProfile> profiles;
  private final Map<String, CircuitBreaker> breakers;
  private final Clock clock;

  /**
   * @param engines the engines available, by {@link VideoGenerator#name()}, in preference order
   * @param defaultEngine the engine a job that names none asks first; must be one of {@code
   *     engines} (empty only when there are none)
   * @param chains each engine's fallbacks
   * @param profiles retry profiles by engine; an engine not named gets {@link
   *     RetryProfile#forEngine}
   * @param breakerSettings when each engine's circuit opens
   */
  public VideoEngines(
      Map<String, VideoGenerator> engines,
      Optional<String> defaultEngine,
      FallbackChains chains,
      Map<String, RetryProfile> profiles,
      BreakerSettings breakerSettings,
      Clock clock) {
    this.engines = Collections.unmodifiableMap(new LinkedHashMap<>(engines));
    this.defaultEngine = Objects.requireNonNull(defaultEngine, "defaultEngine");
    this.chains = Objects.requireNonNull(chains, "chains");
    this.clock = Objects.requireNonNull(clock, "clock");
    engines.forEach(
        (name, engine) -> {
          if (!name.equals(engine.name())) {
            throw new IllegalArgumentException(
                "video engine " + engine.name() + " registered as " + name);
          }
        });
    defaultEngine.ifPresent(
        name -> {
          if (!engines.containsKey(name)) {
            throw new IllegalArgumentException(
                "the default video engine " + name + " is not among " + engines.keySet());
          }
        });
    if (defaultEngine.isEmpty() && !engines.isEmpty()) {
      throw new IllegalArgumentException("name the default video engine among " + names());
    }
    Map<String, RetryProfile> profileMap = new LinkedHashMap<>();
    Map<String, CircuitBreaker> breakerMap = new LinkedHashMap<>();
    for (String name : engines.keySet()) {
      RetryProfile profile = profiles.getOrDefault(name, RetryProfile.forEngine(name));
      profileMap.put(name, profile);
      breakerMap.put(
          name,
          new CircuitBreaker(
              breakerSettings.threshold(),
              breakerSettings.window(),
              breakerSettings.openFor(),
              profile.timeout().plus(TRIAL_GRACE),
              clock));
    }
    this.profiles = Map.copyOf(profileMap);
    this.breakers = Collections.unmodifiableMap(breakerMap);
  }

  /**
   * {@code engines} with the default chains, profiles and seed 001's breaker settings; the first
   * engine is the default.
   */
  public static VideoEngines of(List<VideoGenerator> engines, Clock clock) {
    Map<String, VideoGenerator> byName = new LinkedHashMap<>();
    engines.forEach(e -> byName.put(e.name(), e));
    return new VideoEngines(
        byName,
        engines.stream().findFirst().map(VideoGenerator::name),
        FallbackChains.defaults(),
        Map.of(),
        BreakerSettings.SEED,
        clock);
  }

  /**
   * Every video engine of {@code registry} (a cloud vendor is registered only with its key), the
   * one it selects ({@code auto}: the first with a key, else {@code local}) as the default, and the
   * given chains, profiles and breaker settings.
   */
  public static VideoEngines fromRegistry(
      ProviderRegistry registry,
      FallbackChains chains,
      Map<String, RetryProfile> profiles,
      BreakerSettings breakerSettings,
      Clock clock) {
    Map<String, VideoGenerator> byName = new LinkedHashMap<>();
    for (VideoGenerator engine : registry.all(ProviderPort.VIDEO_GENERATOR, VideoGenerator.class)) {
      byName.putIfAbsent(engine.name(), engine);
    }
    Optional<String> selected =
        registry.active(ProviderPort.VIDEO_GENERATOR).map(ProviderChoice::name);
    return new VideoEngines(byName, selected, chains, profiles, breakerSettings, clock);
  }

  /** {@link #fromRegistry} with the default chains and profiles and seed 001's breakers. */
  public static VideoEngines fromRegistry(ProviderRegistry registry, Clock clock) {
    return fromRegistry(registry, FallbackChains.defaults(), Map.of(), BreakerSettings.SEED, clock);
  }

  /** The engines' names, in preference order. */
  public Set<String> names() {
    return engines.keySet();
  }

  public boolean isEmpty() {
    return engines.isEmpty();
  }

  public boolean has(String engine) {
    return engines.containsKey(engine);
  }

  /** The engine named {@code engine}; it must be one of {@link #names()}. */
  public VideoGenerator engine(String engine) {
    VideoGenerator found = engines.get(engine);
    if (found == null) {
      throw new IllegalArgumentException("no video engine " + engine + " among " + names());
    }
    return found;
  }

  /** The engine a job that names none asks first; empty when there is no engine. */
  public Optional<String> defaultEngine() {
    return defaultEngine;
  }

  public FallbackChains chains() {
    return chains;
  }

  /**
   * The engine a job asking for {@code asked} starts with: {@code asked} when given, else the
   * default. Checks what a user asked, with the API's field name.
   *
   * @throws ReelForgeException {@code INVALID_INPUT} on the field {@code engine} for an engine this
   *     installation does not have; {@code SERVICE_UNAVAILABLE} when it has none at all
   */
  public String requireEngine(String asked) {
    if (engines.isEmpty()) {
      throw new ReelForgeException(
          ErrorCode.SERVICE_UNAVAILABLE,
          "no video engine is available in this installation (the offline engine 'local' is"
              + " registered by the media module; cloud engines need their keys)");
    }
    if (asked == null || asked.isBlank()) {
      return defaultEngine.orElseThrow();
    }
    String name = asked.strip();
    if (!engines.containsKey(name)) {
      throw ReelForgeException.invalidField(
          "engine",
          "'" + name + "' is not available here; available: " + String.join(", ", names()));
    }
    return name;
  }

  /**
   * The engines a job asks in order: the one {@link #requireEngine} picks, then its available
   * fallbacks.
   */
  public List<String> chain(String asked) {
    return chains.chain(requireEngine(asked), engines::containsKey);
  }

  /** The retry profile of {@code engine}. */
  public RetryProfile profile(String engine) {
    RetryProfile profile = profiles.get(engine);
    return profile != null ? profile : RetryProfile.forEngine(engine);
  }

  /** The circuit breaker of {@code engine}, one of {@link #names()}. */
  public CircuitBreaker breaker(String engine) {
    CircuitBreaker breaker = breakers.get(engine);
    if (breaker == null) {
      throw new IllegalArgumentException("no video engine " + engine + " among " + names());
    }
    return breaker;
  }

  /** Every engine's breaker as it stands now, in preference order. */
  public List<EngineBreaker> breakers() {
    List<EngineBreaker> states = new ArrayList<>();
    breakers.forEach((name, breaker) -> states.add(EngineBreaker.of(name, breaker.snapshot())));
    return states;
  }

  public Clock clock() {
    return clock;
  }
}
