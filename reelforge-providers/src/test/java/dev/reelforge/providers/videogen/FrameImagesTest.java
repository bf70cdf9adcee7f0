package dev.reelforge.providers.videogen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.videogen.VideoRequest.Aspect;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Random;
import javax.imageio.ImageIO;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.assertj.core.data.Offset;
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
        decodeJpeg(FrameImages.jpeg(file, "start_image_url", Aspect.PORTRAIT, 300, 2048));
    assertThat(portrait.getHeight() / (double) portrait.getWidth())
        .isCloseTo(16 / 9.0, Offset.offset(0.02));
    assertThat(Math.min(portrait.getWidth(), portrait.getHeight())).isGreaterThanOrEqualTo(300);
    Color centre = new Color(portrait.getRGB(portrait.getWidth() / 2, portrait.getHeight() / 2));
    assertThat(centre.getGreen()).as("the middle of the picture is kept").isGreaterThan(200);
    assertThat(centre.getRed()).isLessThan(60);

    BufferedImage landscape =
        decodeJpeg(FrameImages.jpeg(file, "start_image_url", Aspect.LANDSCAPE, 300, 640));
    assertThat(landscape.getWidth()).isEqualTo(640);
    assertThat(landscape.getWidth() / (double) landscape.getHeight())
        .isCloseTo(16 / 9.0, Offset.offset(0.02));
  }

  @Test
  void aFrameWithinTheLimitTravelsAsItIs(@TempDir Path dir) throws IOException {
    Path png = noise(dir, "small.png", 32, 32);
    FrameImages.Encoded encoded = FrameImages.encode(png, "start_image_url", 1 << 20);
    assertThat(encoded.mimeType()).isEqualTo("image/png");
    assertThat(Base64.getDecoder().decode(encoded.base64())).isEqualTo(Files.readAllBytes(png));
    assertThat(encoded.dataUri()).startsWith("data:image/png;base64,iVBOR");
  }

  @Test
  void aFrameOverTheLimitIsShrunkToAJpegThatFits(@TempDir Path dir) throws IOException {
    Path png = noise(dir, "big.png", 2400, 1350);
    long limit = 1_500_000;
    assertThat(Files.size(png) * 4 / 3).isGreaterThan(limit);
    FrameImages.Encoded encoded = FrameImages.encode(png, "start_image_url", limit);
    assertThat(encoded.mimeType()).isEqualTo("image/jpeg");
    assertThat((long) encoded.base64().length()).isLessThanOrEqualTo(limit);
    BufferedImage shrunk = decodeJpeg(Base64.getDecoder().decode(encoded.base64()));
    assertThat(Math.max(shrunk.getWidth(), shrunk.getHeight()))
        .isLessThanOrEqualTo(FrameImages.SHRUNK_SIDE);
    assertThat(shrunk.getWidth() / (double) shrunk.getHeight())
        .isCloseTo(16 / 9.0, Offset.offset(0.01));
  }

  @Test
  void whatIsNotAPictureOrCannotFitIsRefusedNamingTheField(@TempDir Path dir) throws IOException {
    Path text = Files.writeString(dir.resolve("notes.png"), "not a picture at all");
    assertRefused(
        () -> FrameImages.jpeg(text, "end_image_url", Aspect.SQUARE, 300, 2048), "end_image_url");
    assertRefused(() -> FrameImages.encode(text, "end_image_url", 1 << 20), "end_image_url");
    Path png = noise(dir, "big.png", 800, 800);
    assertRefused(() -> FrameImages.encode(png, "start_image_url", 100), "start_image_url");
  }

  @Test
  void webpIsRecognisedByItsSignature() {
    byte[] webp = {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', ' '};
    assertThat(FrameImages.mimeType(webp, "f")).isEqualTo("image/webp");
  }

  private static void assertRefused(ThrowingCallable call, String field) {
    ReelForgeException e = VideoVendorContext.failure(call);
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
    assertThat(e.violations().getFirst().field()).isEqualTo(field);
    assertThat(e.getMessage()).startsWith(field + ":");
  }

  private static BufferedImage decodeJpeg(byte[] jpeg) throws IOException {
    assertThat(jpeg[0] & 0xFF).isEqualTo(0xFF);
    assertThat(jpeg[1] & 0xFF).isEqualTo(0xD8);
    return ImageIO.read(new ByteArrayInputStream(jpeg));
  }

  /** Random pixels: a PNG that does not compress, so its size is predictable. */
  private static Path noise(Path dir, String name, int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(7);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, random.nextInt(0xFFFFFF));
      }
    }
    Path file = dir.resolve(name);
    ImageIO.write(image, "png", file.toFile());
    return file;
  }
}
