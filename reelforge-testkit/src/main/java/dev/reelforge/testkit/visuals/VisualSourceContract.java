package dev.reelforge.testkit.visuals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.visuals.VisualAsset;
import dev.reelforge.core.visuals.VisualCandidate;
import dev.reelforge.core.visuals.VisualKind;
import dev.reelforge.core.visuals.VisualQuery;
import dev.reelforge.core.visuals.VisualSource;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every {@link VisualSource} promises. */
public abstract class VisualSourceContract {

  protected abstract VisualSource source();

  /** A query this source has results for, asking for {@code kinds}. */
  protected abstract VisualQuery answerableQuery(EnumSet<VisualKind> kinds, int limit);

  /** Which kinds this source can return at all. */
  protected EnumSet<VisualKind> kindsOffered() {
    return EnumSet.allOf(VisualKind.class);
  }

  @Test
  void resultsAreBestFirstWithinTheLimitAndCarryLicences() {
    List<VisualCandidate> found = source().search(answerableQuery(kindsOffered(), 2));
    assertThat(found).isNotEmpty().hasSizeLessThanOrEqualTo(2);
    for (int i = 0; i < found.size(); i++) {
      VisualCandidate candidate = found.get(i);
      assertThat(candidate.source()).isEqualTo(source().name());
      assertThat(candidate.width()).isPositive();
      assertThat(candidate.height()).isPositive();
      assertThat(candidate.licence().licence()).isNotBlank();
      assertThat(candidate.licence().author()).isNotBlank();
      if (i > 0) {
        assertThat(candidate.score()).isLessThanOrEqualTo(found.get(i - 1).score());
      }
    }
  }

  @Test
  void onlyTheKindsAskedForComeBack() {
    for (VisualKind kind : kindsOffered()) {
      List<VisualCandidate> found = source().search(answerableQuery(EnumSet.of(kind), 5));
      assertThat(found).allSatisfy(c -> assertThat(c.kind()).isEqualTo(kind));
    }
  }

  @Test
  void aFetchedVisualIsALocalFileOfItsKind(@TempDir Path directory) throws IOException {
    for (VisualKind kind : kindsOffered()) {
      VisualCandidate candidate = source().search(answerableQuery(EnumSet.of(kind), 1)).getFirst();
      VisualAsset asset = source().fetch(candidate, directory);
      assertThat(asset.candidate()).isEqualTo(candidate);
      assertThat(asset.file()).isRegularFile().startsWith(directory);
      if (kind == VisualKind.IMAGE) {
        BufferedImage image = ImageIO.read(asset.file().toFile());
        assertThat(image).as("decodable image").isNotNull();
      } else {
        byte[] head = new byte[12];
        try (var in = Files.newInputStream(asset.file())) {
          assertThat(in.read(head)).isEqualTo(12);
        }
        String brand = new String(head, 4, 4, StandardCharsets.ISO_8859_1);
        assertThat(brand).as("an ISO media file").isEqualTo("ftyp");
      }
    }
  }
}
