package dev.reelforge.app.jobs;

import dev.reelforge.core.jobs.api.ReviewSignal;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The request bodies of the run routes, validated at the edge. */
final class RunRequests {

  private RunRequests() {}

  record Review(
      @NotBlank @Size(max = 100) String stage,
      @NotBlank
          @Pattern(
              regexp = "(?i)approve|change|reroll",
              message = "must be approve, change or reroll")
          String decision,
      @Size(max = 20000) String payload) {

    ReviewSignal.Decision decisionValue() {
      return RunActions.decision(decision);
    }
  }
}
