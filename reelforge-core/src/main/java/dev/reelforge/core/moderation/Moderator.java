package dev.reelforge.core.moderation;

/**
 * Checks text (scripts, titles, descriptions) before it is spoken, rendered or published.
 * Implementations: {@code RuleBasedModerator} offline; cloud moderation APIs as adapters.
 *
 * <p>Contract (checked by {@code ModeratorContract} in the testkit): ordinary text passes with no
 * flags; a threat of violence and talk of self-harm are flagged in their categories and block;
 * every flag says why and where.
 */
public interface Moderator {

  /** The implementation's configuration name, e.g. {@code rules}. */
  String name();

  ModerationResult moderate(String text);
}
