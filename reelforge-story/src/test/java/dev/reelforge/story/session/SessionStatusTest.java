package dev.reelforge.story.session;

import static dev.reelforge.story.session.SessionStatus.CANCELLED;
import static dev.reelforge.story.session.SessionStatus.CLIPS_SEARCHED;
import static dev.reelforge.story.session.SessionStatus.DRAFT;
import static dev.reelforge.story.session.SessionStatus.FAILED;
import static dev.reelforge.story.session.SessionStatus.PLANNED;
import static dev.reelforge.story.session.SessionStatus.RENDERED;
import static dev.reelforge.story.session.SessionStatus.RENDERING;
import static dev.reelforge.story.session.SessionStatus.STORY_GENERATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every pair of statuses against the table written out here, so a changed rule is a choice. */
class SessionStatusTest {

  private static final Set<SessionStatus> EDITS =
      EnumSet.of(STORY_GENERATED, PLANNED, CLIPS_SEARCHED);

  private static final Map<SessionStatus, Set<SessionStatus>> EXPECTED =
      Map.of(
          DRAFT, plus(EDITS, DRAFT, RENDERING),
          STORY_GENERATED, plus(EDITS, RENDERING),
          PLANNED, plus(EDITS, RENDERING),
          CLIPS_SEARCHED, plus(EDITS, RENDERING),
          RENDERING, EnumSet.of(RENDERING, RENDERED, FAILED, CANCELLED),
          RENDERED, plus(EDITS, RENDERED, RENDERING),
          FAILED, plus(EDITS, FAILED, RENDERING, RENDERED),
          CANCELLED, plus(EDITS, CANCELLED, RENDERING));

  @Test
  void everyTransitionIsAllowedOrRefusedAsTheTableSays() {
    assertThat(EXPECTED.keySet()).containsExactlyInAnyOrder(SessionStatus.values());
    int checked = 0;
    for (SessionStatus from : SessionStatus.values()) {
      for (SessionStatus to : SessionStatus.values()) {
        boolean allowed = EXPECTED.get(from).contains(to);
        assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(allowed);
        if (allowed) {
          assertThat(from.moveTo(to)).isEqualTo(to);
        } else {
          assertThatThrownBy(() -> from.moveTo(to))
              .isInstanceOf(IllegalStateException.class)
              .hasMessageContaining(from.wireName())
              .hasMessageContaining(to.wireName());
        }
        checked++;
      }
    }
    assertThat(checked).isEqualTo(64);
  }

  @Test
  void onlyARunEndsARenderAndEditsWhileItRendersKeepItRendering() {
    for (SessionStatus to : SessionStatus.values()) {
      assertThat(RENDERING.canMoveTo(to))
          .as("rendering -> " + to)
          .isEqualTo(to == RENDERING || to.isRunEnd());
    }
    for (SessionStatus from : SessionStatus.values()) {
      for (SessionStatus end : EnumSet.of(RENDERED, FAILED, CANCELLED)) {
        boolean retriedRunSucceeded = from == FAILED && end == RENDERED;
        if (from != RENDERING && from != end && !retriedRunSucceeded) {
          assertThat(from.canMoveTo(end)).as(from + " -> " + end).isFalse();
        }
      }
    }
    for (SessionStatus wanted : EDITS) {
      assertThat(RENDERING.edited(wanted)).isEqualTo(RENDERING);
      assertThat(RENDERED.edited(wanted)).isEqualTo(wanted);
      assertThat(DRAFT.edited(wanted)).isEqualTo(wanted);
    }
    assertThat(EnumSet.allOf(SessionStatus.class).stream().filter(SessionStatus::isRunEnd))
        .containsExactlyInAnyOrder(RENDERED, FAILED, CANCELLED);
  }

  @Test
  void wireNamesRoundTripAndUnknownOnesAreRefused() {
    for (SessionStatus status : SessionStatus.values()) {
      assertThat(SessionStatus.fromWire(status.wireName())).isEqualTo(status);
      assertThat(status.toString()).isEqualTo(status.wireName());
    }
    assertThat(STORY_GENERATED.wireName()).isEqualTo("story_generated");
    assertThatThrownBy(() -> SessionStatus.fromWire("done"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Set<SessionStatus> plus(Set<SessionStatus> base, SessionStatus... more) {
    EnumSet<SessionStatus> all = EnumSet.copyOf(base);
    all.addAll(Set.of(more));
    return all;
  }
}
