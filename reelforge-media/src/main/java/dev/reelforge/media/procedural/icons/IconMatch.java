package dev.reelforge.media.procedural.icons;

/**
 * An icon found for a beat, with how it was found: which of the beat's words, and where in the
 * set's metadata that word met the icon.
 *
 * @param icon the icon
 * @param word the beat's word that found it, as the beat wrote it
 * @param via where the word met the icon
 * @param synonym the word it was looked up as, when not the beat's own (else empty)
 * @param score how strongly: the kind of match times the word's weight (keywords first)
 */
public record IconMatch(Icon icon, String word, Via via, String synonym, double score) {

  /** Where a word met an icon, strongest first. */
  public enum Via {
    /** The icon's whole name: "moon" for {@code moon}. */
    NAME("icon name", 1.0),
    /**
     * Two words of the beat, side by side, that are a longer name or search term: "credit card" for
     * {@code credit-card}, "space station" for a term of {@code satellite}.
     */
    PHRASE("phrase", 1.0),
    /** A search term of the set: "lunar" for {@code moon}. */
    TERM("search term", 0.75),
    /** One word of a longer name: "earth" for {@code earth-americas}. */
    NAME_WORD("word of the icon name", 0.6),
    /** One word of a longer search term: "crescent" for {@code moon} ("crescent moon"). */
    TERM_WORD("word of a search term", 0.4);

    final String description;
    final double weight;

    Via(String description, double weight) {
      this.description = description;
      this.weight = weight;
    }
  }

  /** How relevance was judged, in a sentence for the manifest: icon 'water' matched 'oceans'… */
  public String reason() {
    String how =
        synonym.isEmpty()
            ? "'" + word + "' (" + via.description + ")"
            : "'" + word + "' through its synonym '" + synonym + "' (" + via.description + ")";
    return "icon '" + icon.name() + "' matched " + how;
  }
}
