package dev.reelforge.testkit.imagegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.imagegen.GeneratedImage;
import dev.reelforge.core.imagegen.ImageGenerator;
import dev.reelforge.core.imagegen.ImageRequest;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every {@link ImageGenerator} promises. */
public abstract class ImageGeneratorContract {

  protected abstract ImageGenerator generator();

  @Test
  void aPortraitRequestGivesAPortraitImageWithItsLicence(@TempDir Path directory)
      throws IOException {
    GeneratedImage image =
        generator()
            .generate(
                new ImageRequest("a lighthouse on a cliff at dawn, cinematic", 1024, 1536, 7),
                directory);
    BufferedImage decoded = ImageIO.read(image.file().toFile());
    assertThat(decoded).as("decodable image").isNotNull();
    assertThat(decoded.getWidth()).isEqualTo(image.width());
    assertThat(decoded.getHeight()).isEqualTo(image.height());
    double asked = 1024.0 / 1536;
    double got = (double) image.width() / image.height();
    assertThat(Math.abs(got - asked) / asked).isLessThan(0.15);
    assertThat(image.file()).startsWith(directory);
    assertThat(image.licence().licence()).isNotBlank();
    assertThat(image.model()).startsWith(generator().name());
  }
}
