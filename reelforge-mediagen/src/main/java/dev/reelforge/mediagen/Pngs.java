package dev.reelforge.mediagen;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import java.awt.image.BufferedImage;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Every image job's output is a PNG (seed 004 §6's key ends in {@code .png}), whatever the engine
 * returned: a PNG is kept as it is, anything Java's ImageIO reads (JPEG, GIF, BMP) is converted.
 */
final class Pngs {

  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private Pngs() {}

  /**
   * Writes {@code source} as a PNG to {@code target}; answers its width and height.
   *
   * @throws ReelForgeException {@code PREVIEW_FAILED} (not retryable: the engine would answer the
   *     same format again) for a file no reader here understands
   */
  static int[] asPng(Path source, Path target) {
    try {
      if (isPng(source)) {
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        return size(target);
      }
      BufferedImage picture = ImageIO.read(source.toFile());
      if (picture == null) {
        throw new ReelForgeException(
            ErrorCode.PREVIEW_FAILED,
            "the image engine answered a format that cannot be read here ("
                + source.getFileName()
                + ")",
            false,
            List.of(),
            null);
      }
      if (!ImageIO.write(picture, "png", target.toFile())) {
        throw new IllegalStateException("no PNG writer in this Java runtime");
      }
      return new int[] {picture.getWidth(), picture.getHeight()};
    } catch (IOException e) {
      throw new ReelForgeException(
          ErrorCode.PREVIEW_FAILED,
          "the generated image could not be read: " + e.getMessage(),
          true,
          List.of(),
          e);
    }
  }

  /** Whether {@code file} starts with the PNG signature. */
  static boolean isPng(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return Arrays.equals(in.readNBytes(SIGNATURE.length), SIGNATURE);
    }
  }

  /** A PNG's width and height, from its header chunk (IHDR, which must come first). */
  private static int[] size(Path png) throws IOException {
    try (DataInputStream in = new DataInputStream(Files.newInputStream(png))) {
      in.skipNBytes(SIGNATURE.length);
      in.readInt(); // the chunk's length
      byte[] type = in.readNBytes(4);
      if (!Arrays.equals(type, new byte[] {'I', 'H', 'D', 'R'})) {
        throw new IOException("a PNG without its header chunk");
      }
      return new int[] {in.readInt(), in.readInt()};
    }
  }
}
