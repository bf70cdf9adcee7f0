package dev.reelforge.core.visuals;

import java.nio.file.Path;
import java.util.Objects;

/** A fetched visual: the file on local disk, and the candidate it came from (with its licence). */
public record VisualAsset(Path file, VisualCandidate candidate) {

  public VisualAsset {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(candidate, "candidate");
  }
}
