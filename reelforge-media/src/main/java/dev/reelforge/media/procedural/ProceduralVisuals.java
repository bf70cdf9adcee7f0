package dev.reelforge.media.procedural;

import dev.reelforge.core.licence.MediaLicence;
import dev.reelforge.core.visuals.Orientation;
import dev.reelforge.core.visuals.VisualAsset;
import dev.reelforge.core.visuals.VisualCandidate;
import dev.reelforge.core.visuals.VisualKind;
import dev.reelforge.core.visuals.VisualQuery;
import dev.reelforge.core.visuals.VisualSource;
import dev.reelforge.media.procedural.icons.Icon;
import dev.reelforge.media.procedural.icons.IconIndex;
import dev.reelforge.media.procedural.icons.IconMatch;
import dev.reelforge.media.procedural.icons.IconSet;
import dev.reelforge.media.procedural.icons.IconSynonyms;
import dev.reelforge.media.procedural.icons.WordStem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Designed pictures as a visual source: always answers, so a beat never goes without a picture.
 *
 * <p>Best first: illustrations composed from the bundled icons that match the beat's words (see
 * {@link IconIndex} for how relevance is judged; each candidate's description says which word found
 * which icon, and its licence credits the icons), one led by each of the best three words, then a
 * typography card of the beat's key phrase, then abstract designs. When no icon matches, the
 * abstract designs lead and the card follows, and their descriptions say that no icon matched. The
 * palette follows the matched icon's topic (else the query's seed), so beats about one topic share
 * it.
 */
public final class ProceduralVisuals implements VisualSource {

  public static final String NAME = "procedural";

  /** How many illustrations at most, each led by a different icon. */
  private static final int ILLUSTRATIONS = 3;

  private final Supplier<IconIndex> index;

  /** With the bundled icon set, indexed on first use (about a second, once per process). */
  public ProceduralVisuals() {
    this(SharedIndex::get);
  }

  ProceduralVisuals(Supplier<IconIndex> index) {
    this.index = index;
  }

  private static final class SharedIndex {
    private static final IconIndex INDEX =
        new IconIndex(IconSet.fontAwesome(), IconSynonyms.bundled());

    static IconIndex get() {
      return INDEX;
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<VisualCandidate> search(VisualQuery query) {
    if (!query.kinds().contains(VisualKind.IMAGE)) {
      return List.of();
    }
    int[] size = size(query.orientation());
    List<IconMatch> matches = index.get().match(query.keywords(), query.text());
    Palette palette =
        matches.isEmpty()
            ? Palette.pick(query.seed())
            : TopicPalette.of(matches.getFirst().icon().categories(), query.seed());
    List<IconMatch> byWord = bestPerWord(matches);
    List<VisualCandidate> candidates = new ArrayList<>();
    for (int lead = 0; lead < Math.min(ILLUSTRATIONS, byWord.size()); lead++) {
      candidates.add(illustration(composition(byWord, lead), palette, size, candidates.size()));
    }
    // Nothing matched: today's abstract designs lead, saying so; the phrase card follows them.
    String abstractNote = matches.isEmpty() ? noIconNote(query) : "";
    if (!matches.isEmpty()) {
      candidates.add(card(query, palette, size, candidates.size(), abstractNote));
    }
    int first = Math.floorMod(query.phrase().hashCode(), DesignStyle.ABSTRACT.size());
    for (int i = 0; i < DesignStyle.ABSTRACT.size(); i++) {
      DesignStyle style = DesignStyle.ABSTRACT.get((first + i) % DesignStyle.ABSTRACT.size());
      long seed = query.seed() * 31 + query.phrase().hashCode() + i;
      Design design =
          new Design(style, palette, size[0], size[1], seed, query.keywords().getFirst());
      candidates.add(
          candidate(
              styleName(style) + "-" + palette.name() + "-" + seed,
              design,
              "abstract "
                  + styleName(style).replace('-', ' ')
                  + " in the "
                  + palette.name()
                  + " palette"
                  + abstractNote,
              MediaLicence.generated(NAME),
              candidates.size()));
    }
    if (matches.isEmpty()) {
      candidates.add(card(query, palette, size, candidates.size(), abstractNote));
    }
    return List.copyOf(candidates.subList(0, Math.min(query.limit(), candidates.size())));
  }

  /** The best match of each of the beat's words that found an icon, best first. */
  private static List<IconMatch> bestPerWord(List<IconMatch> matches) {
    Set<String> words = new HashSet<>();
    return matches.stream().filter(m -> words.add(WordStem.of(m.word()))).toList();
  }

  /**
   * The word's icon leading illustration {@code lead}, then the icons of up to two other words that
   * show something else (not {@code bugs} beside {@code bug}): each icon in a picture stands for a
   * different word of the beat.
   */
  private static List<IconMatch> composition(List<IconMatch> byWord, int lead) {
    List<IconMatch> chosen = new ArrayList<>();
    chosen.add(byWord.get(lead));
    Set<String> subjects = new HashSet<>();
    subjects.add(subject(byWord.get(lead).icon()));
    for (IconMatch match : byWord) {
      if (chosen.size() == 3) {
        break;
      }
      if (match != byWord.get(lead)
          && strongEnoughBeside(match)
          && subjects.add(subject(match.icon()))) {
        chosen.add(match);
      }
    }
    return chosen;
  }

  /**
   * Whether a match may stand beside the leading icon: found by a whole name or phrase, directly or
   * through a synonym. Search terms are the noisiest kind of match ("crawl" is a term of the
   * spider, "copper" of the ankh, "body" of the eye); one may lead a picture when it is the best a
   * beat has, but not crowd one that has better.
   */
  private static boolean strongEnoughBeside(IconMatch match) {
    return match.via() == IconMatch.Via.NAME || match.via() == IconMatch.Via.PHRASE;
  }

  /** What an icon shows, roughly: the stem of its name's first word. */
  private static String subject(Icon icon) {
    return WordStem.of(icon.name().split("-")[0]);
  }

  private VisualCandidate illustration(
      List<IconMatch> composition, Palette palette, int[] size, int rank) {
    List<Icon> icons = composition.stream().map(IconMatch::icon).toList();
    List<String> names = icons.stream().map(Icon::name).toList();
    // The pixels follow from the icons, palette and size alone, so the id names them all: a later
    // beat that would get the very same picture sees it as used and takes the next one.
    long seed = String.join(",", names).hashCode();
    Design design =
        new Design(DesignStyle.ILLUSTRATION, palette, size[0], size[1], seed, "", names);
    String description =
        "illustration of "
            + IconSet.TITLE
            + " icon"
            + (names.size() == 1 ? " " : "s ")
            + names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "))
            + " in the "
            + palette.name()
            + " palette; relevance: "
            + composition.stream().map(IconMatch::reason).collect(Collectors.joining("; "));
    return candidate(
        "illustration-"
            + String.join("+", names)
            + "-"
            + palette.name()
            + "-"
            + size[0]
            + "x"
            + size[1],
        design,
        description,
        IconSet.fontAwesome().licence(icons),
        rank);
  }

  private VisualCandidate card(
      VisualQuery query, Palette palette, int[] size, int rank, String note) {
    String phrase = KeyPhrase.of(query.text(), query.keywords());
    long seed = query.seed() * 31 + phrase.hashCode();
    Design design =
        new Design(DesignStyle.TYPOGRAPHY_CARD, palette, size[0], size[1], seed, phrase);
    return candidate(
        "typography-card-" + palette.name() + "-" + seed,
        design,
        "typography card of the beat's key phrase '"
            + phrase
            + "' in the "
            + palette.name()
            + " palette"
            + note,
        MediaLicence.generated(NAME),
        rank);
  }

  private static String noIconNote(VisualQuery query) {
    return " (no icon of "
        + IconSet.TITLE
        + " matched "
        + query.keywords().stream().map(k -> "'" + k + "'").collect(Collectors.joining(", "))
        + " or the beat's other words)";
  }

  private static VisualCandidate candidate(
      String id, Design design, String description, MediaLicence licence, int rank) {
    return new VisualCandidate(
        NAME,
        id,
        VisualKind.IMAGE,
        design.width(),
        design.height(),
        0,
        design.location(),
        description,
        licence,
        1.0 - rank * 0.1);
  }

  private static String styleName(DesignStyle style) {
    return style.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  @Override
  public VisualAsset fetch(VisualCandidate candidate, Path directory) {
    Design design = Design.parse(candidate.location());
    Path file = DesignFiles.write(design, directory.resolve(candidate.id() + ".png"));
    return new VisualAsset(file, candidate);
  }

  /** Full-HD in the query's shape: the render presets' sizes. */
  static int[] size(Orientation orientation) {
    return switch (orientation) {
      case PORTRAIT -> new int[] {1080, 1920};
      case LANDSCAPE -> new int[] {1920, 1080};
      case SQUARE -> new int[] {1080, 1080};
    };
  }
}
