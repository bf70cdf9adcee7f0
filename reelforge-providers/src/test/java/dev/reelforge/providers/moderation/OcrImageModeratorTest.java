package dev.reelforge.providers.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.reelforge.core.moderation.ModerationCategory;
import dev.reelforge.core.moderation.ModerationPolicy;
import dev.reelforge.core.moderation.ModerationResult;
import dev.reelforge.core.moderation.Severity;
import dev.reelforge.providers.tools.LocalTool;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OcrImageModeratorTest {

  @TempDir Path dir;

  /** A picture with {@code words} lettered large, black on white, as a sign or a caption. */
  private Path lettered(String name, String words) throws Exception {
    BufferedImage image = new BufferedImage(900, 240, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 900, 240);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 72));
    g.drawString(words, 40, 150);
    g.dispose();
    Path file = dir.resolve(name);
    ImageIO.write(image, "png", file.toFile());
    return file;
  }

  @Test
  void wordsInAPictureAreReadAndJudgedByTheTextRules() throws Exception {
    OcrImageModerator moderator = new OcrImageModerator();
    assumeTrue(moderator.readsText(), "tesseract is not installed (apt-get install tesseract-ocr)");
    ModerationResult result = moderator.moderate(lettered("sign.png", "NUDES INSIDE"));
    assertThat(result.flags())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.category()).isEqualTo(ModerationCategory.SEXUAL);
              assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
              assertThat(f.reason()).startsWith("text in the picture: ");
            });
    assertThat(ModerationPolicy.DEFAULT.holds(result.flags().getFirst())).isTrue();
    // Honest about the pixels, every time.
    assertThat(result.unchecked()).containsExactly(OcrImageModerator.PIXELS_NOT_JUDGED);

    ModerationResult calm = moderator.moderate(lettered("calm.png", "OCEAN WAVES"));
    assertThat(calm.flags()).isEmpty();
  }

  @Test
  void withoutTesseractThePictureIsReportedUncheckedRatherThanPassed() throws Exception {
    OcrImageModerator moderator =
        new OcrImageModerator(
            LocalTool.onPath("reelforge-no-such-tesseract"), new RuleBasedModerator());
    assertThat(moderator.readsText()).isFalse();
    ModerationResult result = moderator.moderate(lettered("sign.png", "NUDES INSIDE"));
    assertThat(result.flags()).isEmpty();
    assertThat(result.unchecked())
        .containsExactly(OcrImageModerator.PIXELS_NOT_JUDGED, OcrImageModerator.NO_TESSERACT);
    assertThat(OcrImageModerator.NO_TESSERACT)
        .startsWith("text in pictures not checked: tesseract not installed");
  }

  @Test
  void aPictureTesseractCannotReadIsSaidSo() throws Exception {
    OcrImageModerator moderator = new OcrImageModerator();
    assumeTrue(moderator.readsText(), "tesseract is not installed (apt-get install tesseract-ocr)");
    Path broken = dir.resolve("broken.png");
    java.nio.file.Files.writeString(broken, "not a picture");
    ModerationResult result = moderator.moderate(broken);
    assertThat(result.flags()).isEmpty();
    assertThat(result.unchecked()).anyMatch(u -> u.startsWith("text in broken.png not read: "));
  }
}
