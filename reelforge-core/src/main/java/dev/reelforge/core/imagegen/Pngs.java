package dev.reelforge.core.imagegen;

import java.awt.image.BufferedImage;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * Generated pictures are stored as PNG whatever the engine answered (fal.ai answers JPEG): their
 * keys end in {@code .png} and their content type follows. A PNG is kept as it is; anything Java's
 * ImageIO reads (JPEG, GIF, BMP) is converted. What a failure means is the caller's to say, so this
 * class answers facts and leaves the error codes to the feature.
 */
public final class Pngs {

  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final byte[] HEADER_CHUNK = {'I', 'H', 'D', 'R'};

  /** A picture's width and height in pixels. */
  public record Size(int width, int height) {}

  private Pngs() {}

  /** Whether {@code file} starts with the PNG signature. */
  public static boolean isPng(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return Arrays.equals(in.readNBytes(SIGNATURE.length), SIGNATURE);
    }
  }

  /**
   * Writes {@code source} as a PNG to {@code target}: copied when it is a PNG already, converted
   * otherwise.
   *
   * @return the picture's size; empty when no reader here understands {@code source}'s format
   */
  public static Optional<Size> writeAsPng(Path source, Path target) throws IOException {
    if (isPng(source)) {
      Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
      return Optional.of(size(target));
    }
    BufferedImage picture = ImageIO.read(source.toFile());
    if (picture == null) {
      return Optional.empty();
    }
    if (!ImageIO.write(picture, "png", target.toFile())) {
      throw new IllegalStateException("no PNG writer in this Java runtime");
    }
    return Optional.of(new Size(picture.getWidth(), picture.getHeight()));
  }

  /** A PNG's width and height, from its header chunk (IHDR, which must come first). */
  private static Size size(Path png) throws IOException {
    try (DataInputStream in = new DataInputStream(Files.newInputStream(png))) {
      in.skipNBytes(SIGNATURE.length);
      in.readInt(); // the chunk's length
      if (!Arrays.equals(in.readNBytes(HEADER_CHUNK.length), HEADER_CHUNK)) {
        throw new IOException("a PNG without its header chunk");
      }
      return new Size(in.readInt(), in.readInt());
    }
  }
}
