package dev.reelforge.core.timeline;

import java.util.List;
import java.util.Objects;

/**
 * Word-timed captions, burned in with the active word highlighted and written as SRT/WebVTT.
 *
 * @param words the words in spoken order
 * @param style the name of a caption style (see the render engine's styles)
 */
public record CaptionTrack(List<CaptionWord> words, String style) {

  /** The style used when none is named. */
  public static final String DEFAULT_STYLE = "bold-pop";

  public static final CaptionTrack NONE = new CaptionTrack(List.of(), DEFAULT_STYLE);

  public CaptionTrack {
    words = words == null ? List.of() : List.copyOf(words);
    style = Objects.requireNonNullElse(style, DEFAULT_STYLE);
  }

  public static CaptionTrack of(List<CaptionWord> words) {
    return new CaptionTrack(words, DEFAULT_STYLE);
  }

  public boolean isEmpty() {
    return words.isEmpty();
  }
}
