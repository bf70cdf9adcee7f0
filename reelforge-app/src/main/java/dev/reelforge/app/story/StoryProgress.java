package dev.reelforge.app.story;

/** Told what a story run is doing, for a terminal or a run's events. */
public interface StoryProgress {

  /**
   * A stage starts; {@code resumed} when its checkpoint is reused instead (then nothing follows).
   */
  void stageStarted(StoryStage stage, boolean resumed);

  /** Progress inside a long stage (render), 0–1. */
  void stageProgress(StoryStage stage, double fraction, String step);

  /** A stage that was run is finished. */
  void stageFinished(StoryStage stage, long millis);
}
