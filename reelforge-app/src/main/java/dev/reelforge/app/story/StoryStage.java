package dev.reelforge.app.story;

import java.util.Locale;

/** The stages of a story run, in order. */
public enum StoryStage {
  INGEST,
  SCRIPT,
  VOICE,
  VISUALS,
  MUSIC,
  TIMELINE,
  RENDER,
  MANIFEST;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
