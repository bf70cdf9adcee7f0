package dev.reelforge.story.session;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where a story session stands (seed 000's {@code status}), with the moves it may make. A session
 * starts as a draft; editing the script, planning and searching may happen in any order and again
 * after a render. Only its run's end moves a rendering session on (to rendered, failed or
 * cancelled): edits made while it renders keep it rendering ({@link #edited}), since the run works
 * on a snapshot and its outcome must still arrive. A failed run that an operator retries may still
 * succeed, so a failed session may become rendered.
 */
public enum SessionStatus {
  DRAFT,
  STORY_GENERATED,
  PLANNED,
  CLIPS_SEARCHED,
  RENDERING,
  RENDERED,
  FAILED,
  CANCELLED;

  private static final Set<SessionStatus> EDITS =
      EnumSet.of(STORY_GENERATED, PLANNED, CLIPS_SEARCHED);
  private static final Set<SessionStatus> RUN_ENDS = EnumSet.of(RENDERED, FAILED, CANCELLED);

  /** The transition table: from each status, the statuses a change may set. */
  private static final Map<SessionStatus, Set<SessionStatus>> ALLOWED =
      Map.of(
          DRAFT, with(EDITS, DRAFT, RENDERING),
          STORY_GENERATED, with(EDITS, RENDERING),
          PLANNED, with(EDITS, RENDERING),
          CLIPS_SEARCHED, with(EDITS, RENDERING),
          RENDERING, Set.of(RENDERING, RENDERED, FAILED, CANCELLED),
          RENDERED, with(EDITS, RENDERED, RENDERING),
          FAILED, with(EDITS, FAILED, RENDERING, RENDERED),
          CANCELLED, with(EDITS, CANCELLED, RENDERING));

  /** The name in the API and in stored sessions, e.g. {@code story_generated}. */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The wire name, as pages and logs show it. */
  @Override
  public String toString() {
    return wireName();
  }

  @JsonCreator
  public static SessionStatus fromWire(String wire) {
    return Arrays.stream(values())
        .filter(s -> s.wireName().equals(wire))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown session status " + wire));
  }

  public boolean canMoveTo(SessionStatus next) {
    return ALLOWED.get(this).contains(next);
  }

  /**
   * @throws IllegalStateException when the table forbids the move (a bug in the caller: the routes
   *     check what a user may do before they change anything)
   */
  public SessionStatus moveTo(SessionStatus next) {
    if (!canMoveTo(next)) {
      throw new IllegalStateException(
          "a " + wireName() + " session cannot become " + next.wireName());
    }
    return next;
  }

  /**
   * The status after an edit that would set {@code wanted}: a rendering session stays rendering
   * until its run ends.
   */
  public SessionStatus edited(SessionStatus wanted) {
    return this == RENDERING ? RENDERING : wanted;
  }

  /** Whether a run's end decides this status. */
  public boolean isRunEnd() {
    return RUN_ENDS.contains(this);
  }

  private static Set<SessionStatus> with(Set<SessionStatus> base, SessionStatus... more) {
    EnumSet<SessionStatus> all = EnumSet.copyOf(base);
    all.addAll(Arrays.asList(more));
    return Set.copyOf(all);
  }
}
