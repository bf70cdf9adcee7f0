package dev.reelforge.brand;

import dev.reelforge.core.brand.DirectorStatus;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The storyboard's state machine (seed 001 §4) as a table: scripting → preview generation → review
 * → rendering → completed, and failed from any state before completed. Review stays review while
 * scenes are revised one by one (their traffic lights change, not the storyboard's state). Failed
 * may go back to rendering: production that failed on some scenes can be approved again.
 */
public final class StoryboardTransitions {

  private static final Map<DirectorStatus, Set<DirectorStatus>> ALLOWED =
      new EnumMap<>(DirectorStatus.class);

  static {
    ALLOWED.put(
        DirectorStatus.SCRIPTING,
        EnumSet.of(DirectorStatus.PREVIEW_GENERATION, DirectorStatus.FAILED));
    ALLOWED.put(
        DirectorStatus.PREVIEW_GENERATION,
        EnumSet.of(DirectorStatus.REVIEW, DirectorStatus.FAILED));
    ALLOWED.put(DirectorStatus.REVIEW, EnumSet.of(DirectorStatus.RENDERING, DirectorStatus.FAILED));
    ALLOWED.put(
        DirectorStatus.RENDERING, EnumSet.of(DirectorStatus.COMPLETED, DirectorStatus.FAILED));
    ALLOWED.put(DirectorStatus.COMPLETED, EnumSet.noneOf(DirectorStatus.class));
    ALLOWED.put(DirectorStatus.FAILED, EnumSet.of(DirectorStatus.RENDERING));
  }

  private StoryboardTransitions() {}

  public static boolean allowed(DirectorStatus from, DirectorStatus to) {
    return ALLOWED.get(from).contains(to);
  }

  /**
   * @throws ReelForgeException CONFLICT when the table does not allow the move
   */
  public static DirectorStatus check(DirectorStatus from, DirectorStatus to) {
    if (!allowed(from, to)) {
      throw new ReelForgeException(
          ErrorCode.CONFLICT, "a storyboard in " + from.wire() + " cannot move to " + to.wire());
    }
    return to;
  }
}
