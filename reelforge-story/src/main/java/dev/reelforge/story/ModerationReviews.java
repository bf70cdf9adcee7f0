package dev.reelforge.story;

import dev.reelforge.core.jobs.engine.JobService;
import dev.reelforge.core.jobs.spi.RunEvent;
import dev.reelforge.core.jobs.spi.TaskStatus;
import dev.reelforge.story.StoryOutputs.ModerationOutput;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the moderation gate found in a run that waits for review, read back from the run's {@code
 * stage.awaiting_review} event (whose data carries the proposal): for the operator who decides, the
 * owner who waits, and the {@code make} command, which has nobody to ask.
 */
public final class ModerationReviews {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ModerationReviews() {}

  /** The gate's verdict when {@code stage} of the run awaits review, else empty. */
  public static Optional<ModerationOutput> waiting(JobService jobs, UUID runId, String stage) {
    boolean parked =
        jobs.tasks(runId).stream()
            .anyMatch(t -> t.stage().equals(stage) && t.status() == TaskStatus.AWAITING_REVIEW);
    if (!parked) {
      return Optional.empty();
    }
    List<RunEvent> events = jobs.events(runId, 0, 10_000);
    for (int i = events.size() - 1; i >= 0; i--) {
      RunEvent event = events.get(i);
      if (event.type().equals("stage.awaiting_review")
          && event.stage().filter(stage::equals).isPresent()) {
        JsonNode proposal = JSON.readTree(event.data()).path("proposal");
        if (proposal.isObject()) {
          return Optional.of(StoryJson.read(proposal.toString(), ModerationOutput.class));
        }
      }
    }
    return Optional.empty();
  }
}
