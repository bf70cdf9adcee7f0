package dev.reelforge.media.procedural;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.imagegen.ImageGenerator;
import dev.reelforge.core.imagegen.ImageRequest;
import dev.reelforge.testkit.imagegen.ImageGeneratorContract;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProceduralImagesTest extends ImageGeneratorContract {

  @Override
  protected ImageGenerator generator() {
    return new ProceduralImages();
  }

  @Test
  void theSamePromptAndSeedGiveTheSameFile(@TempDir Path a, @TempDir Path b) throws Exception {
    ImageRequest request = new ImageRequest("rainy neon street at night", 512, 512, 3);
    Path first = new ProceduralImages().generate(request, a).file();
    Path second = new ProceduralImages().generate(request, b).file();
    assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
  }
}
