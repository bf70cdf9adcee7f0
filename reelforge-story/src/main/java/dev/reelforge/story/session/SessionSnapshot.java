package dev.reelforge.story.session;

import dev.reelforge.core.script.InputKind;
import dev.reelforge.core.visuals.VisualCandidate;
import dev.reelforge.story.StoryInput;
import dev.reelforge.story.StoryRunInputs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a {@code story} run is started with for a session: a snapshot of its script, chosen visuals
 * and render settings, so that editing the session while the run works changes nothing under it.
 */
final class SessionSnapshot {

  /** The output files' stem of every session run. */
  static final String NAME = "story";

  private SessionSnapshot() {}

  /**
   * @param settings how to render (the session's, or with the formats finalize asked for)
   * @param folder the session's folder on this machine
   * @param maxMillis the longest video allowed
   */
  static StoryRunInputs of(
      StorySession session, StorySession.Settings settings, Path folder, long maxMillis) {
    List<String> sentences = session.story() == null ? null : session.story().sentences();
    // Nulls stay: a beat without a chosen visual is searched by the run.
    List<VisualCandidate> chosen = new ArrayList<>();
    if (session.shots() != null) {
      session.shots().forEach(shot -> chosen.add(shot.selectedClip()));
    }
    StorySession.Input input = session.input();
    boolean link = sentences == null && input.type().equals("link");
    StoryInput storyInput =
        new StoryInput(
            sentences == null ? input.text() : String.join("\n", sentences),
            link
                ? InputKind.ARTICLE
                : sentences == null ? kindOf(input.type(), false) : InputKind.MANUAL,
            settings.formats(),
            Optional.ofNullable(settings.voice()),
            settings.captionStyle(),
            settings.music(),
            settings.quality(),
            link);
    return new StoryRunInputs(
        session.id(),
        folder.toString(),
        NAME,
        storyInput,
        sentences,
        session.story() == null ? null : session.story().title(),
        chosen,
        maxMillis,
        null);
  }

  /** The kind of input a session started from, as a script writer reads it. */
  static InputKind kindOf(String type, boolean article) {
    if (article) {
      return InputKind.ARTICLE;
    }
    return switch (type) {
      case "idea" -> InputKind.IDEA;
      case "manual" -> InputKind.MANUAL;
      default -> InputKind.PARAGRAPH;
    };
  }
}
