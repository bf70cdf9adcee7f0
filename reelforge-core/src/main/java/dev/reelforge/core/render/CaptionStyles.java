package dev.reelforge.core.render;

import dev.reelforge.core.timeline.CaptionTrack;
import java.util.List;

/**
 * The names of the caption looks a timeline may ask for ({@link CaptionTrack#style()}). They are
 * part of the timeline's vocabulary, checked by features when a user picks one and before any
 * renderer is at hand; a {@link Renderer} draws every one of them (the FFmpeg engine gives each its
 * look in {@code CaptionStyle}, whose tests hold the two lists equal).
 */
public final class CaptionStyles {

  /** Every style, the default first. */
  public static final List<String> NAMES =
      List.of(CaptionTrack.DEFAULT_STYLE, "boxed", "minimal", "karaoke");

  private CaptionStyles() {}
}
