package dev.reelforge.mediagen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class StillImageCheckTest {

  private final StillImageCheck check = new StillImageCheck(200_000, Duration.ofSeconds(5));

  @Test
  void aPngAndAJpegPassDecoded() throws IOException {
    assertThat(check.check(encode(320, 200, "png"), "start_image_url").getWidth()).isEqualTo(320);
    assertThat(check.check(encode(64, 96, "jpg"), "start_image_url").getHeight()).isEqualTo(96);
  }

  @Test
  void otherFormatsAreRefusedByTheirMagicBytesWithTheField() throws IOException {
    assertThatThrownBy(() -> check.check(encode(64, 64, "gif"), "end_image_url"))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
              assertThat(e.violations()).extracting("field").containsExactly("end_image_url");
            });
    assertThatThrownBy(() -> check.check("<html>hello</html>".getBytes(), "start_image_url"))
        .hasMessageContaining("must be a PNG or JPEG");
  }

  @Test
  void tooManyBytesAreRefusedBeforeReading() {
    byte[] big = new byte[200_001];
    big[0] = (byte) 0x89;
    assertThatThrownBy(() -> check.check(big, "start_image_url"))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE));
  }

  @Test
  void aPictureWiderThanTheLimitIsRefusedFromItsHeader() throws IOException {
    byte[] wide = encode(StillImageCheck.MAX_SIDE + 8, 64, "png");
    assertThatThrownBy(() -> check.check(wide, "start_image_url"))
        .hasMessageContaining("a frame needs 64 to " + StillImageCheck.MAX_SIDE + " pixels a side");
  }

  @Test
  void aTruncatedPngIsRefusedAsUnreadable() throws IOException {
    byte[] png = encode(320, 200, "png");
    assertThatThrownBy(() -> check.check(Arrays.copyOf(png, 40), "start_image_url"))
        .isInstanceOfSatisfying(
            ReelForgeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
  }

  private static byte[] encode(int width, int height, String format) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, format, out);
    return out.toByteArray();
  }
}
