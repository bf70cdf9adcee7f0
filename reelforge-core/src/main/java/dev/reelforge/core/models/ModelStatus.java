package dev.reelforge.core.models;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One registered model as it stands.
 *
 * @param role what it is for, e.g. {@code transcriber} or {@code face-detector}
 * @param name its stable name, e.g. {@code sphinx4}
 * @param version its version, e.g. {@code en-us-5.2}
 * @param state whether it was warmed up, and how that went
 * @param warmUpMillis how long its warm-up took (0 before one ended)
 * @param error why its warm-up failed, empty otherwise
 * @param warmedAt when its warm-up ended, empty before
 */
public record ModelStatus(
    String role,
    String name,
    String version,
    State state,
    long warmUpMillis,
    String error,
    Optional<Instant> warmedAt) {

  /** Where a model is in its warm-up. */
  public enum State {
    /** Registered, not warmed up yet: its first use pays for loading it. */
    COLD,
    /** Its warm-up is running. */
    WARMING,
    /** Warmed up: loaded and ready. */
    WARM,
    /** Its warm-up failed (or ran out of time); it may still load on first use. */
    FAILED
  }

  public ModelStatus {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(state, "state");
    error = error == null ? "" : error;
    warmedAt = warmedAt == null ? Optional.empty() : warmedAt;
  }

  public boolean warmed() {
    return state == State.WARM;
  }
}
