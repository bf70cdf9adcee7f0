package dev.reelforge.core.brand;

import java.util.List;

/**
 * The technical director (seed 001 §1): writes a storyboard from a brand analysis, revises one
 * scene from a person's words (YELLOW) and rewrites one from scratch (RED). Implementations: the
 * offline template director and an OpenAI-compatible chat model (DeepSeek) answering strict JSON.
 * Routing is not the director's: {@code brand.EngineRouting} decides from the scores.
 */
public interface Director {

  String name();

  /** Writes {@code brief.sceneCount()} scenes in order. */
  List<SceneScript> storyboard(DirectorBrief brief);

  /**
   * A conversational edit: the scene changed as {@code context.userFeedback()} asks, keeping the
   * brand and the invariant token.
   */
  Revision revise(YellowContext context);

  /**
   * A re-roll: a different take on scene {@code index} of the storyboard, unlike {@code previous}.
   *
   * @param attempt 2 for the first re-roll, and so on; lets a template director vary its choice
   */
  SceneScript reroll(DirectorBrief brief, int index, SceneScript previous, int attempt);

  /**
   * A revised scene and the director's reply to the person, e.g. "Warmed the key light and added
   * amber to the grade."
   */
  record Revision(SceneScript scene, String reply) {
    public Revision {
      java.util.Objects.requireNonNull(scene, "scene");
      reply = java.util.Objects.requireNonNullElse(reply, "").strip();
      if (reply.isEmpty()) {
        throw new IllegalArgumentException("a revision answers the person with a reply");
      }
    }
  }
}
