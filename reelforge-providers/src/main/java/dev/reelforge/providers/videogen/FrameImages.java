package dev.reelforge.providers.videogen;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Start and end frames sent inline to a video engine (Runway's data URIs, Gemini's {@code
 * bytesBase64Encoded}): PNG, JPEG or WebP as they are when they fit the vendor's limit, else
 * re-encoded as a smaller JPEG. The output is at most 1920 pixels across, so nothing the engines
 * use is lost by shrinking to that.
 */
public final class FrameImages {

  /** The longest side a shrunk frame keeps (the engines make at most 1080p). */
  static final int SHRUNK_SIDE = 1920;

  private FrameImages() {}

  /** A frame as its media type and base64 bytes. */
  public record Encoded(String mimeType, String base64) {

    /** {@code data:image/png;base64,…} */
    public String dataUri() {
      return "data:" + mimeType + ";base64," + base64;
    }
  }

  /**
   * Reads {@code file} for the request field {@code field} ({@code start_image_url}…), shrunk when
   * its base64 form would exceed {@code maxBase64Chars}.
   *
   * @throws ReelForgeException {@code INVALID_INPUT} naming the field when the file is not a PNG,
   *     JPEG or WebP picture, or cannot be made small enough
   */
  public static Encoded encode(Path file, String field, long maxBase64Chars) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ReelForgeException(
          ErrorCode.INTERNAL_ERROR, "could not read the frame " + file.getFileName(), e);
    }
    String type = mimeType(bytes, field);
    if (base64Length(bytes.length) <= maxBase64Chars) {
      return new Encoded(type, Base64.getEncoder().encodeToString(bytes));
    }
    byte[] smaller = shrink(bytes, field, maxBase64Chars);
    return new Encoded("image/jpeg", Base64.getEncoder().encodeToString(smaller));
  }

  static String mimeType(byte[] head, String field) {
    if (head.length > 8 && (head[0] & 0xFF) == 0x89 && head[1] == 'P' && head[2] == 'N') {
      return "image/png";
    }
    if (head.length > 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8) {
      return "image/jpeg";
    }
    if (head.length > 12
        && head[0] == 'R'
        && head[1] == 'I'
        && head[8] == 'W'
        && head[9] == 'E'
        && head[10] == 'B') {
      return "image/webp";
    }
    throw ReelForgeException.invalidField(field, "must be a PNG, JPEG or WebP picture");
  }

  private static long base64Length(long bytes) {
    return (bytes + 2) / 3 * 4;
  }

  private static byte[] shrink(byte[] bytes, String field, long maxBase64Chars) {
    BufferedImage image;
    try {
      image = ImageIO.read(new java.io.ByteArrayInputStream(bytes));
    } catch (IOException e) {
      image = null;
    }
    if (image == null) {
      // The JDK reads no WebP; such a frame has to arrive within the limit as it is.
      throw ReelForgeException.invalidField(field, "is too large for the video engine");
    }
    for (int side = SHRUNK_SIDE; side >= 480; side = side * 3 / 4) {
      byte[] jpeg = jpeg(scaled(image, side));
      if (base64Length(jpeg.length) <= maxBase64Chars) {
        return jpeg;
      }
    }
    throw ReelForgeException.invalidField(field, "is too large for the video engine");
  }

  private static BufferedImage scaled(BufferedImage image, int longestSide) {
    double scale =
        Math.min(1.0, longestSide / (double) Math.max(image.getWidth(), image.getHeight()));
    int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
    int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.drawImage(image, 0, 0, width, height, null);
    g.dispose();
    return out;
  }

  private static byte[] jpeg(BufferedImage image) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(stream);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.9f);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new ReelForgeException(ErrorCode.INTERNAL_ERROR, "could not re-encode a frame", e);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }
}
