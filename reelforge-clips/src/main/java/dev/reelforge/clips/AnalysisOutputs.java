package dev.reelforge.clips;

import java.util.List;

/** What each stage of an analysis run answers (small: the big things are files by key). */
public final class AnalysisOutputs {

  private AnalysisOutputs() {}

  /** The speech track, ready for a transcriber. */
  public record Ingested(String speechKey) {}

  /** The transcript file and where it came from. */
  public record Transcribed(
      String transcriptKey, String engine, String version, boolean wordTimesEstimated, int words) {}

  /** The signals file (scene cuts and loudness). */
  public record Measured(String signalsKey, int sceneCuts) {}

  /** The candidates stored for the source. */
  public record Found(int candidates, List<String> titles) {}

  /** Scene cuts and loudness of a source, kept as one file. */
  public record Signals(List<Long> sceneCuts, long loudnessStepMillis, double[] loudnessDb) {}
}
