package dev.reelforge.media.procedural;

import dev.reelforge.core.licence.MediaLicence;
import dev.reelforge.core.visuals.Orientation;
import dev.reelforge.core.visuals.VisualAsset;
import dev.reelforge.core.visuals.VisualCandidate;
import dev.reelforge.core.visuals.VisualKind;
import dev.reelforge.core.visuals.VisualQuery;
import dev.reelforge.core.visuals.VisualSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Designed backgrounds as a visual source: always answers, so a beat never goes without a picture.
 * Candidates differ in style; the palette follows the query's keywords and seed, so one video's
 * beats share a palette when they share a seed.
 */
public final class ProceduralVisuals implements VisualSource {

  public static final String NAME = "procedural";

  private static final DesignStyle[] STYLES = DesignStyle.values();

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
    Palette palette = Palette.pick(query.seed());
    List<VisualCandidate> candidates = new ArrayList<>();
    int count = Math.min(query.limit(), STYLES.length);
    int first = Math.floorMod(query.phrase().hashCode(), STYLES.length);
    for (int i = 0; i < count; i++) {
      DesignStyle style = STYLES[(first + i) % STYLES.length];
      long seed = query.seed() * 31 + query.phrase().hashCode() + i;
      Design design =
          new Design(style, palette, size[0], size[1], seed, query.keywords().getFirst());
      candidates.add(
          new VisualCandidate(
              NAME,
              style.name().toLowerCase(java.util.Locale.ROOT) + "-" + palette.name() + "-" + seed,
              VisualKind.IMAGE,
              size[0],
              size[1],
              0,
              design.location(),
              style.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                  + " in the "
                  + palette.name()
                  + " palette",
              MediaLicence.generated(NAME),
              1.0 - i * 0.1));
    }
    return candidates;
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
