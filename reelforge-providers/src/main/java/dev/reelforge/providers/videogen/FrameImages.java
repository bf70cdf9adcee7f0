package dev.reelforge.providers.videogen;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.videogen.VideoRequest.Aspect;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
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
 * Start and end frames made ready for a video engine, in one of two ways. {@link #jpeg} crops the
 * picture about its centre to the asked frame shape and scales it into the vendor's size limits,
 * for vendors that animate the picture as given (Kling has no shape parameter for image-to-video;
 * the clip takes the picture's). {@link #encode} sends it inline as it is (Runway's data URIs,
 * Gemini's {@code bytesBase64Encoded}) when it fits the vendor's limit, else re-encoded as a
 * smaller JPEG of at most {@link #SHRUNK_SIDE} pixels across, so nothing the engines use (1080p at
 * most) is lost. Either way a re-encoded frame is a JPEG, which stays well under upload caps.
 */
public final class FrameImages {

  /** The longest side a shrunk frame keeps (the engines make at most 1080p). */
  static final int SHRUNK_SIDE = 1920;

  private static final float JPEG_QUALITY = 0.9f;

  private FrameImages() {}

  /** A frame as its media type and base64 bytes. */
  public record Encoded(String mimeType, String base64) {

    /** {@code data:image/png;base64,…} */
    public String dataUri() {
      return "data:" + mimeType + ";base64," + base64;
    }
  }

  /**
   * The frame cropped about its centre to {@code aspect} and scaled into the vendor's limits.
   *
   * @param field the request field the frame came from ({@code start_image_url}), for refusals
   * @param minShortSide the vendor's smallest accepted side, in pixels
   * @param maxLongSide the longest side worth sending, in pixels
   * @return JPEG bytes of the cropped and scaled frame
   */
  public static byte[] jpeg(
      Path file, String field, Aspect aspect, int minShortSide, int maxLongSide) {
    BufferedImage picture = decoded(read(file), field, "is not a PNG, JPEG, GIF or BMP picture");
    double wanted = aspectRatio(aspect);
    int width = picture.getWidth();
    int height = picture.getHeight();
    int cropWidth = width;
    int cropHeight = height;
    if (width / (double) height > wanted) {
      cropWidth = Math.max(1, (int) Math.round(height * wanted));
    } else {
      cropHeight = Math.max(1, (int) Math.round(width / wanted));
    }
    double scale = 1;
    int shortSide = Math.min(cropWidth, cropHeight);
    int longSide = Math.max(cropWidth, cropHeight);
    if (shortSide < minShortSide) {
      scale = minShortSide / (double) shortSide;
    } else if (longSide > maxLongSide) {
      scale = maxLongSide / (double) longSide;
    }
    int x = (width - cropWidth) / 2;
    int y = (height - cropHeight) / 2;
    return toJpeg(
        drawn(
            picture,
            x,
            y,
            cropWidth,
            cropHeight,
            (int) Math.round(cropWidth * scale),
            (int) Math.round(cropHeight * scale)));
  }

  /**
   * Reads {@code file} for the request field {@code field} ({@code start_image_url}…), shrunk when
   * its base64 form would exceed {@code maxBase64Chars}.
   *
   * @throws ReelForgeException {@code INVALID_INPUT} naming the field when the file is not a PNG,
   *     JPEG or WebP picture, or cannot be made small enough
   */
  public static Encoded encode(Path file, String field, long maxBase64Chars) {
    byte[] bytes = read(file);
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

  private static double aspectRatio(Aspect aspect) {
    return switch (aspect) {
      case LANDSCAPE -> 16 / 9.0;
      case PORTRAIT -> 9 / 16.0;
      case SQUARE -> 1;
    };
  }

  private static long base64Length(long bytes) {
    return (bytes + 2) / 3 * 4;
  }

  private static byte[] shrink(byte[] bytes, String field, long maxBase64Chars) {
    // The JDK reads no WebP; such a frame has to arrive within the limit as it is.
    BufferedImage image = decoded(bytes, field, "is too large for the video engine");
    for (int side = SHRUNK_SIDE; side >= 480; side = side * 3 / 4) {
      double scale = Math.min(1.0, side / (double) Math.max(image.getWidth(), image.getHeight()));
      byte[] jpeg =
          toJpeg(
              drawn(
                  image,
                  0,
                  0,
                  image.getWidth(),
                  image.getHeight(),
                  (int) Math.round(image.getWidth() * scale),
                  (int) Math.round(image.getHeight() * scale)));
      if (base64Length(jpeg.length) <= maxBase64Chars) {
        return jpeg;
      }
    }
    throw ReelForgeException.invalidField(field, "is too large for the video engine");
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ReelForgeException(
          ErrorCode.INTERNAL_ERROR, "could not read the frame " + file.getFileName(), e);
    }
  }

  /** The picture in {@code bytes}; a refusal naming {@code field} when the JDK cannot read it. */
  private static BufferedImage decoded(byte[] bytes, String field, String refusal) {
    try {
      BufferedImage picture = ImageIO.read(new ByteArrayInputStream(bytes));
      if (picture != null) {
        return picture;
      }
    } catch (IOException unreadable) {
      // Reported below as the field's fault, like a file that is no picture at all.
    }
    throw ReelForgeException.invalidField(field, refusal);
  }

  /** The {@code width}×{@code height} region at x, y of {@code source}, drawn at the out size. */
  private static BufferedImage drawn(
      BufferedImage source, int x, int y, int width, int height, int outWidth, int outHeight) {
    BufferedImage out =
        new BufferedImage(
            Math.max(1, outWidth), Math.max(1, outHeight), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.drawImage(source, 0, 0, out.getWidth(), out.getHeight(), x, y, x + width, y + height, null);
    g.dispose();
    return out;
  }

  private static byte[] toJpeg(BufferedImage image) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(stream);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(JPEG_QUALITY);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new ReelForgeException(ErrorCode.INTERNAL_ERROR, "could not re-encode a frame", e);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }
}
