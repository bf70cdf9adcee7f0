package dev.reelforge.app.ui;

import dev.reelforge.core.jobs.spi.RunRecord;

/** A run as the lists show it. */
public record RunRow(String id, String kind, String status, String stage, String created) {

  static RunRow of(RunRecord run) {
    return new RunRow(
        run.id().toString(),
        run.kind(),
        run.status().wireName(),
        run.currentStage().orElse(""),
        Pages.when(run.createdAt()));
  }

  /** The id's random tail: enough to tell a person's runs apart on a page. */
  public String shortId() {
    return id.substring(24);
  }
}
