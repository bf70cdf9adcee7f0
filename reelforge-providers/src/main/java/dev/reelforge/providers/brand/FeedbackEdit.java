package dev.reelforge.providers.brand;

import dev.reelforge.core.brand.SceneScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies a person's words to a scene (a YELLOW edit), the way a director answers notes: each
 * recognised intent changes the lighting, the camera or the prompt, and the reply says what
 * changed. Intents: warmer / cooler, brighter / darker or moodier, more / less motion, faster /
 * slower, closer / wider, "add X" / "remove X". Whatever was asked, the words are kept as a {@code
 * Direction:} clause at the end of the prompt (earlier directions stay while they fit), and the
 * invariant token and caption are kept.
 */
final class FeedbackEdit {

  private static final Pattern WARM =
      Pattern.compile("\\b(warm(er|th)?|golden|sunset|cosier|cozier|amber)\\b");
  private static final Pattern COOL =
      Pattern.compile("\\b(cool(er)?|cold(er)?|icy|colder|blue(r)?)\\b");
  private static final Pattern BRIGHT =
      Pattern.compile("\\b(bright(er)?|lighter|airy|airier|high-key|sunnier)\\b");
  private static final Pattern DARK =
      Pattern.compile("\\b(dark(er)?|mood(y|ier)|dramatic|low-key|night|shadowy)\\b");
  private static final Pattern MORE_MOTION =
      Pattern.compile(
          "\\b(more (motion|movement|energy|action)|dynamic|energetic|faster|quicker|speed up)\\b");
  private static final Pattern LESS_MOTION =
      Pattern.compile(
          "\\b(less (motion|movement)|calm(er)?|still(er)?|static|steady|steadier|slower|slow down)\\b");
  private static final Pattern CLOSER =
      Pattern.compile("\\b(closer|close-up|close up|tighter|zoom in|nearer)\\b");
  private static final Pattern WIDER =
      Pattern.compile("\\b(wider|zoom out|pull back|more context|establishing|farther)\\b");
  private static final Pattern ADD =
      Pattern.compile(
          "\\b(?:add|include|show|put in)\\s+((?:a |an |the |some |more )?[a-z][a-z -]{0,40}?)\\s*(?=[,.;!?]|\\band\\b|$)");
  private static final Pattern REMOVE =
      Pattern.compile(
          "\\b(?:remove|without|drop|lose|no more|get rid of|take out)\\s+(?:the |a |an |any )?([a-z][a-z -]{0,40}?)\\s*(?=[,.;!?]|\\band\\b|$)");

  /** What "add more …" names that is a quality of the shot, handled above, not a thing in it. */
  private static final java.util.Set<String> NOT_THINGS =
      java.util.Set.of(
          "motion",
          "movement",
          "energy",
          "action",
          "contrast",
          "light",
          "warmth",
          "drama",
          "depth");

  private static final List<String> SPEEDS =
      List.of("slow ", "fast ", "gentle ", "quick ", "very slow ", "locked-off ");

  private FeedbackEdit() {}

  static Result apply(SceneScript scene, String feedback) {
    String said = feedback.toLowerCase(Locale.ROOT);
    List<String> lighting = new ArrayList<>(ScenePrompt.phrases(scene.lightingNotes()));
    String camera = scene.cameraMovement();
    String prompt = scene.cinematographyPrompt();
    List<String> changes = new ArrayList<>();

    if (WARM.matcher(said).find()) {
      lighting.removeIf(mentions("cool", "blue", "teal", "neutral", "warm"));
      lighting.addFirst("warm golden-hour key");
      lighting.add("amber grade");
      changes.add("warmed the light to a golden-hour key with an amber grade");
    } else if (COOL.matcher(said).find()) {
      lighting.removeIf(mentions("warm", "amber", "golden", "neutral", "cool"));
      lighting.addFirst("cool blue key");
      lighting.add("teal grade");
      changes.add("cooled the light to a blue key with a teal grade");
    }
    if (BRIGHT.matcher(said).find()) {
      lighting.removeIf(mentions("low-key", "shadow", "moody"));
      lighting.add("lifted exposure, high-key");
      changes.add("brightened the exposure");
    } else if (DARK.matcher(said).find()) {
      lighting.removeIf(mentions("high-key", "bright", "lifted"));
      lighting.add("low-key, deep shadows, moody contrast");
      changes.add("darkened it to a moody low-key look");
    }
    if (MORE_MOTION.matcher(said).find()) {
      camera = "fast " + base(camera);
      changes.add("sped the camera up to a " + camera);
    } else if (LESS_MOTION.matcher(said).find()) {
      camera = "slow " + base(camera);
      changes.add("slowed the camera to a " + camera);
    }
    if (CLOSER.matcher(said).find()) {
      if (base(camera).equals("pull-out")) {
        camera = camera.replace("pull-out", "push-in");
      }
      prompt = ScenePrompt.replaceClause(prompt, "Framing: ", "tight close-up");
      changes.add("moved in to a tight close-up");
    } else if (WIDER.matcher(said).find()) {
      if (base(camera).equals("push-in")) {
        camera = camera.replace("push-in", "pull-out");
      }
      prompt = ScenePrompt.replaceClause(prompt, "Framing: ", "wide establishing shot");
      changes.add("widened to an establishing frame");
    }
    Matcher removed = REMOVE.matcher(said);
    while (removed.find()) {
      String thing = removed.group(1).strip();
      prompt = ScenePrompt.without(prompt, thing);
      changes.add("took out " + thing);
    }
    Matcher added = ADD.matcher(said);
    while (added.find()) {
      String thing = added.group(1).strip();
      if (!NOT_THINGS.contains(thing.replaceFirst("^(a|an|the|some|more) ", ""))) {
        prompt = ScenePrompt.join(prompt, ScenePrompt.FEATURING + thing);
        changes.add("added " + thing);
      }
    }

    String lightingNotes = String.join(", ", lighting);
    prompt = ScenePrompt.camera(prompt, cameraWithLens(prompt, camera));
    prompt = ScenePrompt.lighting(prompt, lightingNotes);
    prompt = ScenePrompt.fitted(ScenePrompt.join(prompt, ScenePrompt.direction(feedback)));
    SceneScript revised =
        new SceneScript(prompt, camera, lightingNotes, scene.invariantToken(), scene.caption());
    return new Result(revised, reply(changes, feedback, scene.invariantToken()));
  }

  /**
   * The camera clause keeps its lens: {@code push-in, 50mm lens} → {@code fast push-in, 50mm lens}.
   */
  private static String cameraWithLens(String prompt, String camera) {
    int start = prompt.indexOf(ScenePrompt.CAMERA);
    if (start < 0) {
      return camera;
    }
    int end = prompt.indexOf(". ", start);
    String clause =
        prompt.substring(start + ScenePrompt.CAMERA.length(), end < 0 ? prompt.length() : end);
    int comma = clause.indexOf(", ");
    return comma < 0 ? camera : camera + clause.substring(comma);
  }

  /** The movement without its speed: {@code slow orbit} → {@code orbit}. */
  static String base(String camera) {
    String out = camera.strip();
    boolean stripped = true;
    while (stripped) {
      stripped = false;
      for (String speed : SPEEDS) {
        if (out.startsWith(speed)) {
          out = out.substring(speed.length());
          stripped = true;
        }
      }
    }
    return out;
  }

  private static Predicate<String> mentions(String... words) {
    return phrase -> {
      String lower = phrase.toLowerCase(Locale.ROOT);
      for (String word : words) {
        if (lower.contains(word)) {
          return true;
        }
      }
      return false;
    };
  }

  private static String reply(List<String> changes, String feedback, String invariant) {
    String kept = " Kept the " + invariant + ".";
    if (changes.isEmpty()) {
      return "Added your direction to the shot: \""
          + ScenePrompt.direction(feedback).substring(ScenePrompt.DIRECTION.length())
          + "\"."
          + kept;
    }
    String first = changes.getFirst();
    StringBuilder out =
        new StringBuilder(Character.toUpperCase(first.charAt(0)) + first.substring(1));
    for (int i = 1; i < changes.size(); i++) {
      out.append(i == changes.size() - 1 ? " and " : ", ").append(changes.get(i));
    }
    return out.append(".").append(kept).toString();
  }

  record Result(SceneScript scene, String reply) {}
}
