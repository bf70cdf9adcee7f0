package dev.reelforge.core.script;

/** Seed 000's script limits ({@code core/limits.js}, {@code core/validate.js}), in one place. */
public final class StoryLimits {

  /** Beats in a script, hook and closing line included. */
  public static final int MAX_BEATS = 8;

  /** Characters in one beat. */
  public static final int MAX_BEAT_CHARS = 160;

  /** Characters in the whole script. */
  public static final int MAX_TOTAL_CHARS = 850;

  /** Characters of an idea or paragraph typed by a user ({@code GenerateSchema.input}). */
  public static final int MAX_INPUT_CHARS = 2000;

  /** Characters of an article's extracted text; longer articles are cut before writing. */
  public static final int MAX_ARTICLE_CHARS = 200_000;

  private StoryLimits() {}
}
