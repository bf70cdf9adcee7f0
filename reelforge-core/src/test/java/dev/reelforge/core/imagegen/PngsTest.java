package dev.reelforge.core.imagegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngsTest {

  @TempDir Path dir;

  @Test
  void aPngIsCopiedByteForByteAndItsSizeReadFromItsHeader() throws IOException {
    Path png = drawn(64, 40, "png");
    Path target = dir.resolve("out.png");

    assertThat(Pngs.writeAsPng(png, target)).contains(new Pngs.Size(64, 40));
    assertThat(Files.readAllBytes(target)).isEqualTo(Files.readAllBytes(png));
  }

  @Test
  void aJpegIsConvertedToAPngOfTheSameSize() throws IOException {
    Path jpeg = drawn(48, 96, "jpg");
    Path target = dir.resolve("out.png");
    assertThat(Pngs.isPng(jpeg)).isFalse();

    assertThat(Pngs.writeAsPng(jpeg, target)).contains(new Pngs.Size(48, 96));
    assertThat(Pngs.isPng(target)).isTrue();
    BufferedImage read = ImageIO.read(target.toFile());
    assertThat(read.getWidth()).isEqualTo(48);
    assertThat(read.getHeight()).isEqualTo(96);
    // The red the JPEG was drawn with survives the conversion (within JPEG's loss).
    assertThat(new Color(read.getRGB(24, 48)).getRed()).isGreaterThan(200);
  }

  @Test
  void aFormatNoReaderUnderstandsAnswersNothingAndWritesNothing() throws IOException {
    Path text = Files.writeString(dir.resolve("picture.webp"), "not a picture at all");
    Path target = dir.resolve("out.png");

    assertThat(Pngs.writeAsPng(text, target)).isEmpty();
    assertThat(target).doesNotExist();
    assertThat(Pngs.isPng(text)).isFalse();
  }

  @Test
  void aFileThatOnlyStartsLikeAPngIsNotOne() throws IOException {
    Path half = Files.write(dir.resolve("half.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    assertThat(Pngs.isPng(half)).isFalse();
  }

  @Test
  void aPngWithoutItsHeaderChunkIsAnError() throws IOException {
    byte[] broken = {
      (byte) 0x89,
      'P',
      'N',
      'G',
      '\r',
      '\n',
      0x1a,
      '\n',
      0,
      0,
      0,
      13,
      'J',
      'U',
      'N',
      'K',
      0,
      0,
      0,
      1,
      0,
      0,
      0,
      1
    };
    Path png = Files.write(dir.resolve("broken.png"), broken);

    assertThatThrownBy(() -> Pngs.writeAsPng(png, dir.resolve("out.png")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("header chunk");
  }

  @Test
  void aMissingSourceIsAnIoError() {
    assertThatThrownBy(() -> Pngs.isPng(dir.resolve("absent.png"))).isInstanceOf(IOException.class);
  }

  private Path drawn(int width, int height, String format) throws IOException {
    BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    var g = picture.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, width, height);
    g.dispose();
    Path file = dir.resolve("picture." + format);
    assertThat(ImageIO.write(picture, format, file.toFile())).isTrue();
    return file;
  }
}
