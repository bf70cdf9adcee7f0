package dev.reelforge.brand;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Previews are stored as PNG whatever the generator answered (fal.ai answers JPEG): their keys end
 * in {@code .png}, their content type follows, and a video engine gets the start frame it is told.
 */
final class Pngs {

  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G'};

  private Pngs() {}

  /** {@code file} when it is a PNG already, else its picture written as PNG to {@code target}. */
  static Path asPng(Path file, Path target) {
    try {
      if (isPng(file)) {
        return file;
      }
      BufferedImage picture = ImageIO.read(file.toFile());
      if (picture == null) {
        throw new ReelForgeException(
            ErrorCode.PREVIEW_FAILED, "the preview is in a format that cannot be read here");
      }
      ImageIO.write(picture, "png", target.toFile());
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean isPng(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(SIGNATURE.length);
      return java.util.Arrays.equals(head, SIGNATURE);
    }
  }
}
