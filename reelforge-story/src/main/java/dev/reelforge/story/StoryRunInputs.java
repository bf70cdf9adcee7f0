package dev.reelforge.story;

import dev.reelforge.core.moderation.ModerationChoice;
import dev.reelforge.core.visuals.VisualCandidate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a {@code story} run is started with: a snapshot, so that editing the session while the run
 * works changes nothing under it.
 *
 * @param sessionId the session the run belongs to
 * @param folder where outputs and the work folder go (absolute)
 * @param name the output files' stem
 * @param input the input and render settings
 * @param sentences the session's script, one sentence per beat; null to write one from the input
 * @param title the session script's title, or null
 * @param chosen per beat, the visual the user chose, or null to search
 * @param maxMillis the longest video allowed (0 for no limit)
 * @param moderation the moderation preset and regions the run asked for; null for the configured
 *     default
 */
public record StoryRunInputs(
    String sessionId,
    String folder,
    String name,
    StoryInput input,
    List<String> sentences,
    String title,
    List<VisualCandidate> chosen,
    long maxMillis,
    ModerationChoice moderation) {

  public StoryRunInputs {
    // Nulls are meaningful in chosen (search this beat), so it is copied without List.copyOf.
    chosen =
        chosen == null
            ? List.of()
            : java.util.Collections.unmodifiableList(new ArrayList<>(chosen));
  }

  /**
   * A story made straight from {@code input} into {@code folder}, as the {@code make} command does:
   * the script is written by the pipeline, every visual searched, no length limit.
   */
  public static StoryRunInputs forFolder(Path folder, String name, StoryInput input) {
    return new StoryRunInputs(
        MAKE_SESSION, folder.toString(), name, input, null, null, List.of(), 0, null);
  }

  /** The session id of {@code make} runs, which belong to no session. */
  public static final String MAKE_SESSION = "make";

  /** This snapshot judged by {@code choice} at the moderation gate. */
  public StoryRunInputs withModeration(ModerationChoice choice) {
    return new StoryRunInputs(
        sessionId, folder, name, input, sentences, title, chosen, maxMillis, choice);
  }

  VisualCandidate chosenFor(int beat) {
    return beat < chosen.size() ? chosen.get(beat) : null;
  }
}
