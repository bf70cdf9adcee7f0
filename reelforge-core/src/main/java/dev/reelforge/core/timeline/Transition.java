package dev.reelforge.core.timeline;

import java.util.Objects;

/**
 * How one segment hands over to the next. Transitions are drawn inside the two segments (the
 * previous one fades out over the first half, this one fades in over the second), so segments stay
 * independent files that join without re-encoding.
 */
public record Transition(Type type, long durationMillis) {

  public static final Transition CUT = new Transition(Type.CUT, 0);

  public Transition {
    Objects.requireNonNull(type, "type");
  }

  public static Transition fadeThroughBlack(long durationMillis) {
    return new Transition(Type.FADE_BLACK, durationMillis);
  }

  public static Transition fadeThroughWhite(long durationMillis) {
    return new Transition(Type.FADE_WHITE, durationMillis);
  }

  public boolean isCut() {
    return type == Type.CUT || durationMillis == 0;
  }

  /** The kinds of transition. */
  public enum Type {
    CUT,
    FADE_BLACK,
    FADE_WHITE
  }
}
