package dev.reelforge.media.procedural;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.visuals.Orientation;
import dev.reelforge.core.visuals.VisualAsset;
import dev.reelforge.core.visuals.VisualCandidate;
import dev.reelforge.core.visuals.VisualKind;
import dev.reelforge.core.visuals.VisualQuery;
import dev.reelforge.media.procedural.icons.IconSet;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pictures about the beat: icons that match its words, its own key phrase, credited icons. */
class OfflinePicturesTest {

  private static final String TIDE = "The cause is the tide: Earth's oceans bulge toward the Moon.";

  private final ProceduralVisuals visuals = new ProceduralVisuals();

  private static VisualQuery beat(String text, List<String> keywords, Orientation orientation) {
    return new VisualQuery(keywords, orientation, EnumSet.of(VisualKind.IMAGE), 3000, 8, 42, text);
  }

  @Test
  void theTideBeatGetsTheMoonEarthAndWaterCreditedAndExplained() {
    List<VisualCandidate> found =
        visuals.search(beat(TIDE, List.of("moon", "earth", "cause", "tide"), Orientation.PORTRAIT));

    VisualCandidate best = found.getFirst();
    assertThat(best.id()).startsWith("illustration-moon+");
    assertThat(best.description())
        .contains("icon 'moon' matched 'moon' (icon name)")
        .contains("icon 'water' matched 'tide' through its synonym 'water'");
    assertThat(best.licence().licence()).isEqualTo("CC BY 4.0");
    assertThat(best.licence().url()).isEqualTo("https://fontawesome.com/license/free");
    assertThat(best.licence().author())
        .startsWith("Font Awesome Free 6.5.1 by Fonticons, Inc.: icons 'moon'")
        .contains("'water'");
    // Later beats that would get the same picture take the next one: each illustration is led by
    // a different word's icon.
    assertThat(
            found.stream()
                .filter(c -> c.id().startsWith("illustration-"))
                .map(c -> c.id().split("[-+]")[1]))
        .doesNotHaveDuplicates()
        .hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void theCardShowsTheBeatsOwnKeyPhraseNotOneWord() {
    List<VisualCandidate> found =
        visuals.search(beat(TIDE, List.of("moon", "earth", "cause", "tide"), Orientation.PORTRAIT));

    assertThat(found)
        .anySatisfy(
            c ->
                assertThat(c.description())
                    .isEqualTo(
                        "typography card of the beat's key phrase 'Earth's oceans bulge toward the"
                            + " Moon' in the neon palette"));
  }

  @Test
  void aBeatNoIconMatchesFallsBackToAnAbstractDesignAndSaysSo() {
    List<VisualCandidate> found =
        visuals.search(
            beat(
                "Mars looks red because its dust is full of rusted iron.",
                List.of("rusted", "mars", "looks", "red"),
                Orientation.PORTRAIT));

    assertThat(found).noneMatch(c -> c.id().startsWith("illustration-"));
    assertThat(found.getFirst().description())
        .startsWith("abstract ")
        .contains("no icon of Font Awesome Free 6.5.1 matched 'rusted', 'mars', 'looks', 'red'");
    assertThat(found.getFirst().licence().licence()).isEqualTo("no third-party rights");
    assertThat(found.getLast().description())
        .contains("key phrase 'Mars looks red because its dust'");
  }

  @Test
  void theMatchedIconIsDrawnLargeWhereTheCandidateSays(@TempDir Path dir) throws Exception {
    for (Orientation orientation : Orientation.values()) {
      VisualCandidate best =
          visuals
              .search(beat(TIDE, List.of("moon", "earth", "cause", "tide"), orientation))
              .getFirst();
      VisualAsset asset = visuals.fetch(best, dir.resolve(orientation.name()));
      BufferedImage image = ImageIO.read(asset.file().toFile());
      Design design = Design.parse(best.location());
      assertThat(image.getWidth()).isEqualTo(design.width());
      assertThat(image.getHeight()).isEqualTo(design.height());

      // The moon's glyph, where the painter puts the leading icon: the neon palette's white ink
      // inside it, the halo's magenta around it. A picture without the icon has no such edge.
      int w = image.getWidth();
      int h = image.getHeight();
      double[] box = IllustrationPainter.heroBox(w, h);
      assertThat(box[2]).as("the leading icon is large").isGreaterThan(Math.min(w, h) * 0.35);
      IconSet set = IconSet.fontAwesome();
      Shape moon = set.outline(set.icon("moon").orElseThrow(), box[0], box[1], box[2]);
      double inside = meanLuma(image, moon, true);
      double around = meanLuma(image, moon, false);
      assertThat(inside).as(orientation + " inside the moon").isGreaterThan(200);
      assertThat(inside - around).as(orientation + " moon against its halo").isGreaterThan(60);
    }
  }

  /** Mean luma of the pixels inside {@code shape}, or in a band just outside its bounds. */
  private static double meanLuma(BufferedImage image, Shape shape, boolean inside) {
    BufferedImage mask =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = mask.createGraphics();
    g.setColor(Color.WHITE);
    g.fill(shape);
    g.dispose();
    var bounds = shape.getBounds();
    int margin = bounds.width / 8;
    long sum = 0;
    int count = 0;
    for (int y = Math.max(0, bounds.y - margin);
        y < Math.min(image.getHeight(), bounds.y + bounds.height + margin);
        y++) {
      for (int x = Math.max(0, bounds.x - margin);
          x < Math.min(image.getWidth(), bounds.x + bounds.width + margin);
          x++) {
        boolean in = (mask.getRaster().getSample(x, y, 0) & 0xFF) == 255;
        boolean nearEdge =
            x < bounds.x
                || x >= bounds.x + bounds.width
                || y < bounds.y
                || y >= bounds.y + bounds.height;
        if (inside ? in : nearEdge) {
          int rgb = image.getRGB(x, y);
          sum += (((rgb >> 16) & 255) * 299 + ((rgb >> 8) & 255) * 587 + (rgb & 255) * 114) / 1000;
          count++;
        }
      }
    }
    return (double) sum / count;
  }
}
