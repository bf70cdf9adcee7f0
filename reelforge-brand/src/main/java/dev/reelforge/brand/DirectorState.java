package dev.reelforge.brand;

import dev.reelforge.core.brand.Storyboard;
import dev.reelforge.core.brand.VisionJob;
import dev.reelforge.core.jobs.spi.RunRecord;
import java.util.List;
import java.util.Optional;

/**
 * Everything about one storyboard at once (seed 001's {@code getState}): the storyboard, its vision
 * job, its scenes, the finished videos once assembled, its run (for progress) and, while the
 * moderation gate holds it for an operator, why.
 */
public record DirectorState(
    Storyboard storyboard,
    VisionJob job,
    List<Scene> scenes,
    Optional<BrandVideos> result,
    Optional<RunRecord> run,
    Optional<ModerationHold> moderation) {

  /** Whether every scene is approved (GREEN): production may be approved. */
  public boolean allGreen() {
    return !scenes.isEmpty()
        && scenes.stream().allMatch(s -> s.trafficLight() == TrafficLight.GREEN);
  }
}
