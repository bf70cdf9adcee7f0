package dev.reelforge.app.jobs;

import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.jobs.spi.RunStatus;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Query parameters of the run routes, parsed with errors that name the parameter. */
final class RunFilters {

  private RunFilters() {}

  /** {@code queued,running,…}; empty: every state. */
  static Set<RunStatus> states(String text) {
    Set<RunStatus> states = EnumSet.noneOf(RunStatus.class);
    if (text == null || text.isBlank()) {
      return states;
    }
    for (String name : text.split(",")) {
      RunStatus found = null;
      for (RunStatus status : RunStatus.values()) {
        if (status.wireName().equals(name.strip())) {
          found = status;
        }
      }
      if (found == null) {
        throw ReelForgeException.invalidField(
            "state",
            "must be queued, running, awaiting_review, succeeded, failed or cancelled"
                + " (comma-separated)");
      }
      states.add(found);
    }
    return states;
  }

  static int limit(String text, int max) {
    try {
      int limit = Integer.parseInt(text.strip());
      if (limit >= 1 && limit <= max) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ReelForgeException.invalidField("limit", "must be a whole number from 1 to " + max);
  }

  static Optional<UUID> before(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(text.strip()));
    } catch (IllegalArgumentException e) {
      throw ReelForgeException.invalidField("before", "must be the next value of a previous page");
    }
  }
}
