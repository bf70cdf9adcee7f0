package dev.reelforge.brand;

import dev.reelforge.core.brand.BrandStore;
import dev.reelforge.core.brand.DirectorStatus;
import dev.reelforge.core.brand.Storyboard;
import dev.reelforge.core.brand.YellowContext;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Changes to storyboards: every change reads the stored storyboard, applies a function and writes
 * it back only if nobody wrote in between (the store's version), trying again otherwise — the API
 * (a person approving a scene) and a stage (a preview landing) may write the same storyboard at the
 * same moment, and neither change may be lost.
 */
final class Storyboards {

  private static final int ATTEMPTS = 8;

  private final BrandStore store;
  private final Clock clock;

  Storyboards(BrandStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  Instant now() {
    return clock.instant();
  }

  Storyboard get(UUID id) {
    return store
        .storyboard(id)
        .orElseThrow(() -> ReelForgeException.notFound("Storyboard", id.toString()));
  }

  /**
   * Applies {@code change} to the stored storyboard until it lands.
   *
   * @return the stored result
   */
  Storyboard modify(UUID id, UnaryOperator<Edit> change) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Storyboard current = get(id);
      Edit edit = change.apply(new Edit(current, clock.instant()));
      if (edit == null) {
        return current;
      }
      Optional<Storyboard> written = store.update(edit.build());
      if (written.isPresent()) {
        return written.get();
      }
    }
    throw new ReelForgeException(
        ErrorCode.CONFLICT, "the storyboard is changing fast; try again in a moment");
  }

  /** A copy of a storyboard with fields to change. */
  static final class Edit {
    final Storyboard board;
    final Instant now;
    private DirectorStatus status;
    private List<Scene> scenes;
    private Optional<String> result;
    private BigDecimal credits;
    private Optional<String> error;
    private Optional<UUID> runId;
    private Optional<Instant> completedAt;

    Edit(Storyboard board, Instant now) {
      this.board = board;
      this.now = now;
      status = board.status();
      scenes = new ArrayList<>(BrandJson.scenes(board.scenesJson()));
      result = board.resultJson();
      credits = board.creditsUsed();
      error = board.errorMessage();
      runId = board.runId();
      completedAt = board.completedAt();
    }

    DirectorStatus status() {
      return status;
    }

    List<Scene> scenes() {
      return scenes;
    }

    /** Moves to {@code to} as the transition table allows; staying put is allowed. */
    Edit status(DirectorStatus to) {
      if (to != status) {
        status = StoryboardTransitions.check(status, to);
        if (to == DirectorStatus.COMPLETED || to == DirectorStatus.FAILED) {
          completedAt = Optional.of(now);
        } else {
          completedAt = Optional.empty();
        }
        if (to != DirectorStatus.FAILED) {
          error = Optional.empty();
        }
      }
      return this;
    }

    Edit scenes(List<Scene> value) {
      scenes = new ArrayList<>(value);
      return this;
    }

    Edit scene(Scene scene) {
      scenes.replaceAll(s -> s.id().equals(scene.id()) ? scene : s);
      return this;
    }

    Edit failed(String message) {
      status(DirectorStatus.FAILED);
      error = Optional.of(message);
      return this;
    }

    Edit result(String json) {
      result = Optional.of(json);
      return this;
    }

    Edit credits(BigDecimal value) {
      credits = value;
      return this;
    }

    Edit run(UUID value) {
      runId = Optional.of(value);
      return this;
    }

    Storyboard build() {
      List<ConversationEntry> flat = new ArrayList<>();
      for (Scene scene : scenes) {
        for (YellowContext.Message m : scene.conversation()) {
          flat.add(new ConversationEntry(scene.id(), m.role(), m.content(), m.timestamp()));
        }
      }
      flat.sort(java.util.Comparator.comparing(ConversationEntry::timestamp));
      return new Storyboard(
          board.id(),
          board.jobId(),
          board.ownerId(),
          runId,
          board.productionEngine(),
          board.routingReason(),
          status,
          board.stylePreset(),
          BrandJson.write(scenes),
          BrandJson.write(flat),
          result,
          credits,
          error,
          board.version(),
          board.createdAt(),
          now,
          completedAt);
    }
  }

  /**
   * Seed 001's storyboard-wide {@code conversation_history}: every scene's turns, in time order.
   */
  record ConversationEntry(UUID sceneId, String role, String content, Instant timestamp) {}
}
