package dev.reelforge.clips;

import dev.reelforge.core.render.CaptionStyles;
import dev.reelforge.core.timeline.CaptionTrack;
import dev.reelforge.core.transcript.TranscriptWord;
import java.util.List;
import java.util.Objects;

/**
 * One clip to cut from a long video, with everything {@link ClipTimeline} needs to turn it into a
 * timeline. All times are in the source's time.
 *
 * @param sourceFile the long video (its path, as the renderer resolves media)
 * @param startMillis where the clip starts in the source
 * @param endMillis where it ends (exclusive)
 * @param shots how each stretch is framed, as the reframer chose; may leave gaps or overhang the
 *     clip (each shot holds until the next one starts)
 * @param words the transcript's words, of the clip or more (those outside it are left out)
 * @param title the clip's title, shown as the hook when {@code hookTitle}
 * @param captionStyle one of {@link CaptionStyles#NAMES}; {@code null} for the default
 * @param hookTitle whether the title is shown over the clip's first seconds
 */
public record ClipCut(
    String sourceFile,
    long startMillis,
    long endMillis,
    List<Shot> shots,
    List<TranscriptWord> words,
    String title,
    String captionStyle,
    boolean hookTitle) {

  public ClipCut {
    Objects.requireNonNull(sourceFile, "sourceFile");
    shots = shots == null ? List.of() : List.copyOf(shots);
    words = words == null ? List.of() : List.copyOf(words);
    title = Objects.requireNonNullElse(title, "");
    captionStyle = Objects.requireNonNullElse(captionStyle, CaptionTrack.DEFAULT_STYLE);
    if (startMillis < 0 || endMillis <= startMillis) {
      throw new IllegalArgumentException(
          "a clip has a length: " + startMillis + "-" + endMillis + " ms");
    }
    if (!CaptionStyles.NAMES.contains(captionStyle)) {
      throw new IllegalArgumentException(
          "unknown caption style '" + captionStyle + "', expected one of " + CaptionStyles.NAMES);
    }
  }

  public long durationMillis() {
    return endMillis - startMillis;
  }
}
