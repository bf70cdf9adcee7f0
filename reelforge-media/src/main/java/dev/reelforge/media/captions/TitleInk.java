package dev.reelforge.media.captions;

import java.awt.Color;
import java.util.Objects;
import java.util.Optional;

/**
 * The colours a title is drawn in.
 *
 * @param letters the headline's letters
 * @param kicker a kicker's letters (the smaller line under a headline)
 * @param backing a solid panel drawn behind the title, or empty for letters outlined over the
 *     picture
 */
public record TitleInk(Color letters, Color kicker, Optional<Color> backing) {

  /**
   * The renderer's own look: white letters with a black outline, the kicker in the yellow the
   * bold-pop captions mark the spoken word with.
   */
  public static final TitleInk DEFAULT =
      new TitleInk(Color.WHITE, CaptionStyle.BOLD_POP.highlight(), Optional.empty());

  public TitleInk {
    Objects.requireNonNull(letters, "letters");
    Objects.requireNonNull(kicker, "kicker");
    backing = Objects.requireNonNullElse(backing, Optional.empty());
  }
}
