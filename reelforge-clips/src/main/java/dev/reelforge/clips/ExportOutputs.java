package dev.reelforge.clips;

import java.util.List;
import java.util.UUID;

/** What the export run's stages answer. */
public final class ExportOutputs {

  private ExportOutputs() {}

  /** The framing plan of each clip, kept as a file per clip. */
  public record Reframed(List<ClipShots> clips) {}

  /** Where one clip's shots are, and how many faces the tracker framed. */
  public record ClipShots(UUID candidateId, String shotsKey, int shots, int blurredShots) {}

  /** The shots of one clip, as the file holds them. */
  public record ShotList(List<Shot> shots) {}

  /** Every clip's files. */
  public record Exported(List<ExportedClip> clips) {}

  /** One clip's outputs, one per preset. */
  public record ExportedClip(
      UUID candidateId,
      int rank,
      String title,
      long startMillis,
      long endMillis,
      List<ExportedFile> files) {}

  /** One preset's video and its companions, by key. */
  public record ExportedFile(
      String preset,
      String videoKey,
      String thumbnailKey,
      String srtKey,
      String vttKey,
      long durationMillis,
      long bytes) {}

  /** The render stage's checkpoint: the clips already rendered and stored. */
  public record RenderProgress(List<ExportedClip> done) {}

  /** The reframe stage's checkpoint: the clips already planned. */
  public record ReframeProgress(List<ClipShots> done) {}
}
