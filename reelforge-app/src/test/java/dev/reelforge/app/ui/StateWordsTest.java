package dev.reelforge.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.brand.TrafficLight;
import dev.reelforge.core.brand.DirectorStatus;
import dev.reelforge.core.brand.VisionStatus;
import dev.reelforge.core.jobs.spi.RunStatus;
import dev.reelforge.core.jobs.spi.TaskStatus;
import dev.reelforge.core.publish.TargetStatus;
import dev.reelforge.mediagen.engines.UserAction;
import dev.reelforge.story.session.SessionStatus;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Every state a page can show, and every advice to a failed media job's owner, has words, and none
 * of them is the internal name.
 */
class StateWordsTest {

  @Test
  void everyRunStageStoryBrandStateAndUserActionHasWordsThatAreNotItsWireName() {
    for (RunStatus s : RunStatus.values()) {
      assertThat(StateWords.of(s)).as(s.name()).isNotBlank().doesNotContain("_");
    }
    for (TaskStatus s : TaskStatus.values()) {
      assertThat(StateWords.of(s)).as(s.name()).isNotBlank().doesNotContain("_");
    }
    for (SessionStatus s : SessionStatus.values()) {
      assertThat(StateWords.of(s)).as(s.name()).isNotBlank().doesNotContain("_");
    }
    for (UserAction a : UserAction.values()) {
      assertThat(StateWords.of(a)).as(a.name()).isNotBlank().doesNotContain("_");
    }
    for (VisionStatus s : VisionStatus.values()) {
      assertThat(StateWords.of(s)).as(s.name()).isNotBlank().doesNotContain("_");
    }
    for (DirectorStatus s : DirectorStatus.values()) {
      assertThat(StateWords.of(s)).as(s.name()).isNotBlank().doesNotContain("_");
    }
    for (TrafficLight l : TrafficLight.values()) {
      assertThat(StateWords.of(l)).as(l.name()).isNotBlank().doesNotContain("_");
    }
    for (TargetStatus s : TargetStatus.values()) {
      assertThat(StateWords.of(s)).as(s.name()).isNotBlank().doesNotContain("_");
    }
    assertThat(StateWords.of(DirectorStatus.PREVIEW_GENERATION)).isEqualTo("Making previews");
    assertThat(Arrays.stream(DirectorStatus.values()).map(StateWords::of).distinct())
        .hasSize(DirectorStatus.values().length);
    assertThat(StateWords.of(SessionStatus.CLIPS_SEARCHED)).isEqualTo("Visuals chosen");
    assertThat(StateWords.of(RunStatus.SUCCEEDED)).isEqualTo("Ready");
    assertThat(StateWords.of(TaskStatus.BLOCKED)).isEqualTo("Waiting");
    assertThat(Arrays.stream(RunStatus.values()).map(StateWords::of).distinct())
        .hasSize(RunStatus.values().length);
  }
}
