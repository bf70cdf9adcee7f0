package dev.reelforge.providers.imagegen;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.providers.http.JsonApiClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Generated images stored under a name whose extension matches their bytes, and their size read
 * back from the header.
 */
public final class ImageFiles {

  /** Generated images are a few MB; anything far larger is not one. */
  static final long MAX_BYTES = 50L << 20;

  static final Duration DOWNLOAD_TIMEOUT = Duration.ofSeconds(60);

  private ImageFiles() {}

  static String extension(byte[] head) {
    if (head.length > 8 && (head[0] & 0xFF) == 0x89 && head[1] == 'P' && head[2] == 'N') {
      return "png";
    }
    if (head.length > 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8) {
      return "jpg";
    }
    if (head.length > 12 && head[8] == 'W' && head[9] == 'E' && head[10] == 'B') {
      return "webp";
    }
    throw new ReelForgeException(
        ErrorCode.EXTERNAL_API_ERROR, "the generated image is neither PNG, JPEG nor WebP");
  }

  /** Writes decoded bytes (a base64 answer) as {@code stem.EXT} in {@code directory}. */
  public static Path store(byte[] bytes, Path directory, String stem) {
    try {
      Files.createDirectories(directory);
      Path partial = directory.resolve(stem + ".part");
      Files.write(partial, bytes);
      return named(partial, extension(bytes), directory, stem);
    } catch (IOException e) {
      throw new ReelForgeException(
          ErrorCode.INTERNAL_ERROR, "could not store the generated image", e);
    }
  }

  /** Downloads an image answer to {@code stem.EXT} in {@code directory}, renamed, not rewritten. */
  public static Path download(JsonApiClient api, URI uri, Path directory, String stem) {
    try {
      Files.createDirectories(directory);
      Path downloaded = directory.resolve(stem + ".download");
      api.download(uri, downloaded, MAX_BYTES, DOWNLOAD_TIMEOUT);
      byte[] head;
      try (InputStream in = Files.newInputStream(downloaded)) {
        head = in.readNBytes(16);
      }
      return named(downloaded, extension(head), directory, stem);
    } catch (IOException e) {
      throw new ReelForgeException(
          ErrorCode.INTERNAL_ERROR, "could not store the generated image", e);
    }
  }

  private static Path named(Path file, String extension, Path directory, String stem)
      throws IOException {
    Path target = directory.resolve(stem + "." + extension);
    Files.move(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return target;
  }

  /** Width and height from the header; {@code fallback} for formats the JDK cannot read (WebP). */
  public static int[] size(Path file, int[] fallback) {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      var readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
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
