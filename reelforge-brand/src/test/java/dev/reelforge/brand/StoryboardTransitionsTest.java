package dev.reelforge.brand;

import static dev.reelforge.core.brand.DirectorStatus.COMPLETED;
import static dev.reelforge.core.brand.DirectorStatus.FAILED;
import static dev.reelforge.core.brand.DirectorStatus.PREVIEW_GENERATION;
import static dev.reelforge.core.brand.DirectorStatus.RENDERING;
import static dev.reelforge.core.brand.DirectorStatus.REVIEW;
import static dev.reelforge.core.brand.DirectorStatus.SCRIPTING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.brand.DirectorStatus;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every pair of states, against seed 001 §4's state machine written out by hand. */
class StoryboardTransitionsTest {

  private static final Set<String> ALLOWED =
      Set.of(
          "SCRIPTING>PREVIEW_GENERATION",
          "SCRIPTING>FAILED",
          "PREVIEW_GENERATION>REVIEW",
          "PREVIEW_GENERATION>FAILED",
          "REVIEW>RENDERING",
          "REVIEW>FAILED",
          "RENDERING>COMPLETED",
          "RENDERING>FAILED",
          "FAILED>RENDERING");

  @Test
  void everyPairIsAllowedExactlyAsTheSeedDraws() {
    int checked = 0;
    for (DirectorStatus from : DirectorStatus.values()) {
      for (DirectorStatus to : DirectorStatus.values()) {
        boolean expected = ALLOWED.contains(from + ">" + to);
        assertThat(StoryboardTransitions.allowed(from, to))
            .as(from + " -> " + to)
            .isEqualTo(expected);
        checked++;
      }
    }
    assertThat(checked).isEqualTo(36);
  }

  @Test
  void theHappyPathIsAChain() {
    DirectorStatus state = SCRIPTING;
    for (DirectorStatus next :
        new DirectorStatus[] {PREVIEW_GENERATION, REVIEW, RENDERING, COMPLETED}) {
      state = StoryboardTransitions.check(state, next);
    }
    assertThat(state).isEqualTo(COMPLETED);
  }

  @Test
  void aForbiddenMoveIsAConflictNamingBothStates() {
    assertThatThrownBy(() -> StoryboardTransitions.check(SCRIPTING, RENDERING))
        .isInstanceOf(ReelForgeException.class)
        .satisfies(e -> assertThat(((ReelForgeException) e).code()).isEqualTo(ErrorCode.CONFLICT))
        .hasMessageContaining("scripting")
        .hasMessageContaining("rendering");
    assertThat(StoryboardTransitions.allowed(COMPLETED, FAILED)).isFalse();
    assertThat(StoryboardTransitions.allowed(REVIEW, SCRIPTING)).isFalse();
  }
}
