package dev.reelforge.story;

/** Told what a story run is doing, for a terminal. Stages are named as in {@link StoryPipeline}. */
public interface StoryProgress {

  /** A stage starts; {@code reused} when its output is taken from the last run instead. */
  void stageStarted(String stage, boolean reused);

  /** Progress inside a long stage, 0–1. */
  void stageProgress(String stage, double fraction, String step);

  /** A stage that was run is finished. */
  void stageFinished(String stage, long millis);

  StoryProgress NONE =
      new StoryProgress() {
        @Override
        public void stageStarted(String stage, boolean reused) {}

        @Override
        public void stageProgress(String stage, double fraction, String step) {}

        @Override
        public void stageFinished(String stage, long millis) {}
      };
}
