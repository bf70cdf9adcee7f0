package dev.reelforge.core.jobs.spi;

import static dev.reelforge.core.jobs.spi.RunStatus.AWAITING_REVIEW;
import static dev.reelforge.core.jobs.spi.RunStatus.CANCELLED;
import static dev.reelforge.core.jobs.spi.RunStatus.FAILED;
import static dev.reelforge.core.jobs.spi.RunStatus.QUEUED;
import static dev.reelforge.core.jobs.spi.RunStatus.RUNNING;
import static dev.reelforge.core.jobs.spi.RunStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every pair of states is checked against the list of allowed moves written out here, so a change
 * to a transition table must be made twice, on purpose.
 */
class StateMachineTest {

  private static final Set<String> RUN_MOVES =
      Set.of(
          "QUEUED>RUNNING",
          "QUEUED>CANCELLED",
          "QUEUED>FAILED",
          "RUNNING>AWAITING_REVIEW",
          "RUNNING>SUCCEEDED",
          "RUNNING>FAILED",
          "RUNNING>CANCELLED",
          "AWAITING_REVIEW>RUNNING",
          "AWAITING_REVIEW>FAILED",
          "AWAITING_REVIEW>CANCELLED",
          "FAILED>RUNNING");

  private static final Set<String> TASK_MOVES =
      Set.of(
          "BLOCKED>READY",
          "BLOCKED>CANCELLED",
          "READY>RUNNING",
          "READY>BLOCKED",
          "READY>CANCELLED",
          "RUNNING>SUCCEEDED",
          "RUNNING>READY",
          "RUNNING>AWAITING_REVIEW",
          "RUNNING>DEAD",
          "RUNNING>CANCELLED",
          "AWAITING_REVIEW>SUCCEEDED",
          "AWAITING_REVIEW>READY",
          "AWAITING_REVIEW>CANCELLED",
          "DEAD>READY");

  @Test
  void runTransitionsAreExactlyTheAllowedOnes() {
    for (RunStatus from : RunStatus.values()) {
      for (RunStatus to : RunStatus.values()) {
        assertThat(from.canMoveTo(to))
            .as(from + " -> " + to)
            .isEqualTo(RUN_MOVES.contains(from + ">" + to));
      }
    }
  }

  @Test
  void taskTransitionsAreExactlyTheAllowedOnes() {
    for (TaskStatus from : TaskStatus.values()) {
      for (TaskStatus to : TaskStatus.values()) {
        assertThat(from.canMoveTo(to))
            .as(from + " -> " + to)
            .isEqualTo(TASK_MOVES.contains(from + ">" + to));
      }
    }
  }

  @Test
  void theGateLetsThroughExactlyTheAllowedTaskMovesAndNamesTheRefusedOnes() {
    for (TaskStatus from : TaskStatus.values()) {
      for (TaskStatus to : TaskStatus.values()) {
        if (TASK_MOVES.contains(from + ">" + to)) {
          assertThat(from.requireMoveTo(to, "task t1")).as(from + " -> " + to).isEqualTo(to);
        } else {
          assertThatThrownBy(() -> from.requireMoveTo(to, "task t1"))
              .as(from + " -> " + to)
              .isInstanceOfSatisfying(
                  IllegalTransitionException.class,
                  e -> {
                    assertThat(e.from()).isEqualTo(from);
                    assertThat(e.to()).isEqualTo(to);
                  })
              .hasMessage("task t1 cannot go from " + from.wireName() + " to " + to.wireName());
        }
      }
    }
  }

  @Test
  void theGateLetsThroughExactlyTheAllowedRunMoves() {
    for (RunStatus from : RunStatus.values()) {
      for (RunStatus to : RunStatus.values()) {
        if (RUN_MOVES.contains(from + ">" + to)) {
          assertThat(from.requireMoveTo(to, "run r1")).as(from + " -> " + to).isEqualTo(to);
        } else {
          assertThatThrownBy(() -> from.requireMoveTo(to, "run r1"))
              .as(from + " -> " + to)
              .isInstanceOf(IllegalTransitionException.class)
              .hasMessage("run r1 cannot go from " + from.wireName() + " to " + to.wireName());
        }
      }
    }
  }

  @Test
  void terminalRunStatesLeadNowhereButFailedCanBeRequeued() {
    assertThat(SUCCEEDED.isTerminal()).isTrue();
    assertThat(CANCELLED.isTerminal()).isTrue();
    assertThat(FAILED.isTerminal()).isTrue();
    assertThat(QUEUED.isTerminal()).isFalse();
    assertThat(AWAITING_REVIEW.isTerminal()).isFalse();
    for (RunStatus to : RunStatus.values()) {
      assertThat(SUCCEEDED.canMoveTo(to)).isFalse();
      assertThat(CANCELLED.canMoveTo(to)).isFalse();
    }
    assertThat(FAILED.canMoveTo(RUNNING)).isTrue();
  }

  @Test
  void wireNamesRoundTrip() {
    for (RunStatus status : RunStatus.values()) {
      assertThat(RunStatus.fromWire(status.wireName())).isEqualTo(status);
    }
    for (TaskStatus status : TaskStatus.values()) {
      assertThat(TaskStatus.fromWire(status.wireName())).isEqualTo(status);
    }
    assertThat(AWAITING_REVIEW.wireName()).isEqualTo("awaiting_review");
  }
}
