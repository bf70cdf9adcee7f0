package dev.reelforge.core.diagnostics;

import java.util.Objects;

/**
 * One line of the {@code doctor} report: what was checked, what was found and, when something is
 * wrong, how to fix it.
 *
 * @param component the thing checked, e.g. {@code FFmpeg} or {@code database}
 * @param status how healthy it is
 * @param summary what was found, e.g. a version and a path
 * @param fix what to do about a warning or failure; empty when the status is {@code OK}
 */
public record Finding(String component, Status status, String summary, String fix) {

  /** How healthy a checked component is. */
  public enum Status {
    /** Works as configured. */
    OK,
    /** Works, but something is degraded or optional and missing. */
    WARN,
    /** A required component is broken: ReelForge cannot do its job until it is fixed. */
    FAIL
  }

  public Finding {
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(summary, "summary");
    fix = fix == null ? "" : fix;
  }

  public static Finding ok(String component, String summary) {
    return new Finding(component, Status.OK, summary, "");
  }

  public static Finding warn(String component, String summary, String fix) {
    return new Finding(component, Status.WARN, summary, fix);
  }

  public static Finding fail(String component, String summary, String fix) {
    return new Finding(component, Status.FAIL, summary, fix);
  }
}
