package dev.reelforge.providers.videogen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.videogen.VideoRequest.Aspect;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameImagesTest {

  @Test
  void aFrameIsCroppedAboutItsCentreToTheAskedShapeAndScaledIntoTheLimits(@TempDir Path dir)
      throws IOException {
    // A 1200×400 picture: red left third, green middle, blue right third.
    BufferedImage wide = new BufferedImage(1200, 400, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 1200; x++) {
      Color colour = x < 400 ? Color.RED : x < 800 ? Color.GREEN : Color.BLUE;
      for (int y = 0; y < 400; y++) {
        wide.setRGB(x, y, colour.getRGB());
      }
    }
    Path file = dir.resolve("wide.png");
    ImageIO.write(wide, "png", file.toFile());

    BufferedImage portrait =
        decode(FrameImages.jpeg(file, "start_image_url", Aspect.PORTRAIT, 300, 2048));
    assertThat(portrait.getHeight() / (double) portrait.getWidth()).isCloseTo(16 / 9.0, within());
    assertThat(Math.min(portrait.getWidth(), portrait.getHeight())).isGreaterThanOrEqualTo(300);
    Color centre = new Color(portrait.getRGB(portrait.getWidth() / 2, portrait.getHeight() / 2));
    assertThat(centre.getGreen()).as("the middle of the picture is kept").isGreaterThan(200);
    assertThat(centre.getRed()).isLessThan(60);

    BufferedImage landscape =
        decode(FrameImages.jpeg(file, "start_image_url", Aspect.LANDSCAPE, 300, 640));
    assertThat(landscape.getWidth()).isEqualTo(640);
    assertThat(landscape.getWidth() / (double) landscape.getHeight()).isCloseTo(16 / 9.0, within());
  }

  @Test
  void somethingThatIsNotAPictureIsRefusedNamingTheField(@TempDir Path dir) throws IOException {
    Path text = dir.resolve("notes.png");
    Files.writeString(text, "not a picture");
    var e =
        VideoVendorContext.failure(
            () -> FrameImages.jpeg(text, "end_image_url", Aspect.SQUARE, 300, 2048));
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
    assertThat(e.getMessage()).startsWith("end_image_url:");
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(0.02);
  }

  private static BufferedImage decode(byte[] jpeg) throws IOException {
    assertThat(jpeg[0] & 0xFF).isEqualTo(0xFF);
    assertThat(jpeg[1] & 0xFF).isEqualTo(0xD8);
    return ImageIO.read(new ByteArrayInputStream(jpeg));
  }
}
