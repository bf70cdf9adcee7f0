package dev.reelforge.mediagen;

import dev.reelforge.core.error.ErrorCode;
import java.util.Objects;

/**
 * One engine's failure within a video job, kept in the job's checkpoint and named in its final
 * error when every engine failed.
 *
 * @param engine the engine's name
 * @param code what went wrong, in the error taxonomy
 * @param message the engine's words (or ours: "circuit open until …")
 */
public record EngineFailure(String engine, ErrorCode code, String message) {

  public EngineFailure {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(code, "code");
    message = Objects.requireNonNullElse(message, "");
  }

  @Override
  public String toString() {
    return engine + ": " + code + " " + message;
  }
}
