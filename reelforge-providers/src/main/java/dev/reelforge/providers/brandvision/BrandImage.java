package dev.reelforge.providers.brandvision;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A brand image as a vision model receives it (its bytes as base64 with their MIME type, sniffed
 * from the bytes rather than trusted from a name) and as the adapter measures it (decoded pixels).
 *
 * @param bytes the file's bytes
 * @param mimeType {@code image/png} or {@code image/jpeg}
 * @param pixels the decoded picture
 */
public record BrandImage(byte[] bytes, String mimeType, BufferedImage pixels) {

  /**
   * Reads and decodes {@code file}.
   *
   * @throws ReelForgeException {@code INVALID_INPUT} when it is not a PNG or JPEG picture
   */
  public static BrandImage read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ReelForgeException(
          ErrorCode.INTERNAL_ERROR, "could not read the brand image " + file.getFileName(), e);
    }
    String mime = mimeType(bytes);
    BufferedImage pixels;
    try {
      pixels = mime.isEmpty() ? null : ImageIO.read(new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      pixels = null;
    }
    if (pixels == null) {
      throw new ReelForgeException(
          ErrorCode.INVALID_INPUT,
          "the brand image " + file.getFileName() + " is not a PNG or JPEG picture",
          false,
          List.of(),
          null);
    }
    return new BrandImage(bytes, mime, pixels);
  }

  /** The bytes as base64, for Gemini's {@code inline_data}. */
  public String base64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** A {@code data:} URI, for OpenAI's {@code image_url} and fal.ai's {@code image_url}. */
  public String dataUri() {
    return "data:" + mimeType + ";base64," + base64();
  }

  public int width() {
    return pixels.getWidth();
  }

  public int height() {
    return pixels.getHeight();
  }

  private static String mimeType(byte[] b) {
    if (b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
      return "image/png";
    }
    if (b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8) {
      return "image/jpeg";
    }
    return "";
  }
}
