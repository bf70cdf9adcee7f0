package dev.reelforge.brand;

import dev.reelforge.core.jobs.engine.JobService;
import dev.reelforge.core.jobs.spi.RunEvent;
import dev.reelforge.core.jobs.spi.TaskStatus;
import dev.reelforge.core.moderation.gate.GateFinding;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Why the moderation gate holds a storyboard until an operator decides: its policy and findings,
 * read back from the run's {@code stage.awaiting_review} event (whose data carries the stage's
 * proposal). The owner sees it on the storyboard; only an operator may answer it.
 *
 * @param policy the policy that holds it, e.g. {@code kids}
 * @param findings what holds it
 */
public record ModerationHold(String policy, List<GateFinding> findings) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  public ModerationHold {
    findings = findings == null ? List.of() : List.copyOf(findings);
  }

  /** The hold of run {@code runId} while its moderation stage awaits review, else empty. */
  static Optional<ModerationHold> of(JobService jobs, UUID runId) {
    boolean parked =
        jobs.tasks(runId).stream()
            .anyMatch(
                t ->
                    t.stage().equals(BrandPipelines.MODERATION)
                        && t.status() == TaskStatus.AWAITING_REVIEW);
    if (!parked) {
      return Optional.empty();
    }
    List<RunEvent> events = jobs.events(runId, 0, 10_000);
    for (int i = events.size() - 1; i >= 0; i--) {
      RunEvent event = events.get(i);
      if (event.type().equals("stage.awaiting_review")
          && event.stage().filter(BrandPipelines.MODERATION::equals).isPresent()) {
        JsonNode proposal = JSON.readTree(event.data()).path("proposal");
        if (proposal.isObject()) {
          ModerationGateStage.Output output =
              BrandJson.read(proposal.toString(), ModerationGateStage.Output.class);
          return Optional.of(new ModerationHold(output.policy(), output.findings()));
        }
      }
    }
    // Parked, its event not yet read: held all the same, the reasons follow.
    return Optional.of(new ModerationHold("", List.of()));
  }
}
