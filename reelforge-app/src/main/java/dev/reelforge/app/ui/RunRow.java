package dev.reelforge.app.ui;

import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.story.session.RunFiles;

/**
 * A run as the lists show it: the video's title (a run of another kind: its kind and short id), its
 * status as the wire name (for styles and scripts) and in words.
 */
public record RunRow(
    String id,
    String kind,
    String title,
    String status,
    String statusWords,
    String stage,
    String created) {

  static RunRow of(RunRecord run) {
    String id = run.id().toString();
    return new RunRow(
        id,
        run.kind(),
        RunFiles.title(run).orElse(run.kind() + " " + shortId(id)),
        run.status().wireName(),
        StateWords.of(run.status()),
        run.currentStage().orElse(""),
        Pages.when(run.createdAt()));
  }

  /** The id's random tail: enough to tell a person's runs apart on a page. */
  public String shortId() {
    return shortId(id);
  }

  private static String shortId(String id) {
    return id.substring(24);
  }

  /** The short id of any id (a publication's, a run's). */
  static String shortIdOf(String id) {
    return shortId(id);
  }
}
