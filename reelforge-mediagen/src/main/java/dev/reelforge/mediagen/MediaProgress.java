package dev.reelforge.mediagen;

/** Told how a job made by {@link MediaMaker} is doing, for a terminal. */
@FunctionalInterface
public interface MediaProgress {

  /** A new progress report of the job: 0–1 and what it is doing ("kling: processing"). */
  void progress(double fraction, String message);

  MediaProgress NONE = (fraction, message) -> {};
}
