package dev.reelforge.clips;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What an analysis run works on.
 *
 * @param sourceId the source
 * @param videoKey where its video is ({@link ClipFiles})
 * @param subtitleKey the user's SRT/VTT, used instead of speech recognition when present
 * @param language the speech's language (BCP 47)
 * @param durationMillis the source's length, for progress
 * @param minMillis shortest candidate
 * @param maxMillis longest candidate
 * @param minCount fewest candidates wanted (fewer when the source has no more good ones)
 * @param maxCount most candidates
 */
public record AnalysisInput(
    UUID sourceId,
    String videoKey,
    Optional<String> subtitleKey,
    String language,
    long durationMillis,
    long minMillis,
    long maxMillis,
    int minCount,
    int maxCount) {

  public AnalysisInput {
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(videoKey, "videoKey");
    subtitleKey = Objects.requireNonNullElse(subtitleKey, Optional.empty());
    Objects.requireNonNull(language, "language");
  }

  public HighlightOptions options() {
    return new HighlightOptions(minMillis, maxMillis, minCount, maxCount);
  }
}
