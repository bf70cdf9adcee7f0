package dev.reelforge.providers.imagegen;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Generated image bytes stored under a name with the right extension, and their size read back. */
final class ImageFiles {

  private ImageFiles() {}

  static String extension(byte[] bytes) {
    if (bytes.length > 8 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N') {
      return "png";
    }
    if (bytes.length > 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8) {
      return "jpg";
    }
    if (bytes.length > 12 && bytes[8] == 'W' && bytes[9] == 'E' && bytes[10] == 'B') {
      return "webp";
    }
    throw new ReelForgeException(
        ErrorCode.EXTERNAL_API_ERROR, "the generated image is neither PNG, JPEG nor WebP");
  }

  static Path store(byte[] bytes, Path directory, String stem) {
    try {
      Files.createDirectories(directory);
      Path target = directory.resolve(stem + "." + extension(bytes));
      Path partial = directory.resolve(stem + ".part");
      Files.write(partial, bytes);
      Files.move(
          partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return target;
    } catch (IOException e) {
      throw new ReelForgeException(
          ErrorCode.INTERNAL_ERROR, "could not store the generated image", e);
    }
  }

  /** Width and height from the header; {@code fallback} for formats the JDK cannot read (WebP). */
  static int[] size(Path file, int[] fallback) {
    try (ImageInputStream in =
        ImageIO.createImageInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
      var readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        return fallback;
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in);
        return new int[] {reader.getWidth(0), reader.getHeight(0)};
      } finally {
        reader.dispose();
      }
    } catch (IOException e) {
      return fallback;
    }
  }
}
