package dev.reelforge.clips;

import dev.reelforge.core.clips.ReframeOverride;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What an export run renders: some candidates of one source, each into every preset asked.
 *
 * @param exportId the export's id
 * @param sourceId the source
 * @param videoKey where its video is
 * @param sourceWidth the video's width
 * @param sourceHeight the video's height
 * @param transcriptKey the analysis's transcript (captions come from its words)
 * @param signalsKey the analysis's scene cuts and loudness (the reframer splits on scenes)
 * @param clips the candidates, as they were when the export was asked for
 * @param presets render preset ids, e.g. {@code tiktok}
 * @param captionStyle the caption look
 * @param quality render quality tier name
 */
public record ExportInput(
    UUID exportId,
    UUID sourceId,
    String videoKey,
    int sourceWidth,
    int sourceHeight,
    String transcriptKey,
    String signalsKey,
    List<Clip> clips,
    List<String> presets,
    String captionStyle,
    String quality) {

  public ExportInput {
    Objects.requireNonNull(exportId, "exportId");
    Objects.requireNonNull(sourceId, "sourceId");
    clips = List.copyOf(clips);
    presets = List.copyOf(presets);
  }

  /** One candidate to render. */
  public record Clip(
      UUID candidateId,
      int rank,
      long startMillis,
      long endMillis,
      String title,
      Optional<ReframeOverride> reframe) {

    public Clip {
      reframe = Objects.requireNonNullElse(reframe, Optional.empty());
    }

    /** The file name stem of this clip's outputs, e.g. {@code clip-02}. */
    public String baseName() {
      return String.format(java.util.Locale.ROOT, "clip-%02d", rank);
    }
  }
}
