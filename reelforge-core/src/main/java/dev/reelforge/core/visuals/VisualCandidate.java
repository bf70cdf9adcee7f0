package dev.reelforge.core.visuals;

import dev.reelforge.core.licence.MediaLicence;
import java.util.Objects;

/**
 * One search result: enough to choose it and to fetch it later.
 *
 * @param source the visual source that found it, e.g. {@code pexels}, {@code library}
 * @param id its id at the source
 * @param kind still or clip
 * @param width pixels
 * @param height pixels
 * @param durationMillis for clips, their length; 0 for stills
 * @param location where {@link VisualSource#fetch} finds the bytes (a URL or a file path)
 * @param description what it shows, as the source describes it (tags, alt text, file name)
 * @param licence licensing evidence for the run manifest
 * @param score relevance to the query, higher is better, comparable within one source
 */
public record VisualCandidate(
    String source,
    String id,
    VisualKind kind,
    int width,
    int height,
    long durationMillis,
    String location,
    String description,
    MediaLicence licence,
    double score) {

  public VisualCandidate {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(licence, "licence");
    description = Objects.requireNonNullElse(description, "");
  }

  public Orientation orientation() {
    return Orientation.of(width, height);
  }
}
