package dev.reelforge.providers.brand;

import dev.reelforge.core.brand.Director;
import dev.reelforge.core.brand.DirectorBrief;
import dev.reelforge.core.brand.SceneScript;
import dev.reelforge.core.brand.YellowContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The offline technical director: writes scenes from the brand analysis with a cinematographer's
 * vocabulary ({@link Shot}: hero shot, macro detail, lifestyle context, then reveal, flat lay,
 * silhouette; camera moves slow orbit, push-in, pull-out, pan left or right, crane up; lighting
 * from the analysis), revises a scene from a person's words ({@link FeedbackEdit}) and re-rolls one
 * as a different shot and camera move. The camera move of each scene is drawn from its shot's moves
 * by the brief's seed: the same brief always gives the same storyboard.
 */
public final class TemplateDirector implements Director {

  public static final String NAME = "local";

  private static final List<Shot> ORDER = List.of(Shot.values());

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<SceneScript> storyboard(DirectorBrief brief) {
    List<SceneScript> scenes = new ArrayList<>();
    for (int index = 0; index < brief.sceneCount(); index++) {
      Shot shot = ORDER.get(index % ORDER.size());
      scenes.add(SceneWriter.write(brief, shot, camera(shot, brief.seed(), index)));
    }
    return List.copyOf(scenes);
  }

  @Override
  public Revision revise(YellowContext context) {
    FeedbackEdit.Result result = FeedbackEdit.apply(context.currentScene(), context.userFeedback());
    return new Revision(result.scene(), result.reply());
  }

  /**
   * Another shot than {@code previous}'s, preferring one the storyboard's other scenes do not use
   * (the {@code attempt}-th such after the scene's own), with a camera move unlike {@code
   * previous}'s.
   */
  @Override
  public SceneScript reroll(DirectorBrief brief, int index, SceneScript previous, int attempt) {
    Shot before = Shot.of(previous.cinematographyPrompt()).orElse(null);
    Set<Shot> used = new HashSet<>();
    for (int other = 0; other < brief.sceneCount(); other++) {
      used.add(ORDER.get(other % ORDER.size()));
    }
    List<Shot> candidates = new ArrayList<>();
    for (int step = 0; step < ORDER.size(); step++) {
      Shot shot = ORDER.get(Math.floorMod(index + attempt + step, ORDER.size()));
      if (shot != before) {
        candidates.add(shot);
      }
    }
    List<Shot> fresh = candidates.stream().filter(shot -> !used.contains(shot)).toList();
    Shot shot = (fresh.isEmpty() ? candidates : fresh).getFirst();
    String beforeMove = FeedbackEdit.base(previous.cameraMovement());
    List<String> moves = new ArrayList<>(shot.cameras);
    moves.addAll(Shot.CAMERA_MOVES);
    int start =
        new SplittableRandom(brief.seed() * 31 + index * 7L + attempt).nextInt(shot.cameras.size());
    for (int k = 0; k < moves.size(); k++) {
      String move = moves.get((start + k) % moves.size());
      if (!FeedbackEdit.base(move).equals(beforeMove)) {
        return SceneWriter.write(brief, shot, move);
      }
    }
    throw new IllegalStateException("every camera move is the one to re-roll away from");
  }

  private static String camera(Shot shot, long seed, int index) {
    return shot.cameras.get(new SplittableRandom(seed * 31 + index).nextInt(shot.cameras.size()));
  }
}
