package dev.reelforge.providers.videogen;

import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.videogen.VideoRequest.Aspect;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * A start or end frame made ready for a vendor that animates the picture as given: cropped about
 * its centre to the asked frame shape (such vendors have no shape parameter for image-to-video; the
 * clip takes the picture's), scaled into the vendor's size limits, and encoded as JPEG to stay well
 * under upload caps.
 */
public final class FrameImages {

  private FrameImages() {}

  /**
   * @param field the request field the frame came from ({@code start_image_url}), for refusals
   * @param minShortSide the vendor's smallest accepted side, in pixels
   * @param maxLongSide the longest side worth sending, in pixels
   * @return JPEG bytes of the cropped and scaled frame
   */
  public static byte[] jpeg(
      Path file, String field, Aspect aspect, int minShortSide, int maxLongSide) {
    BufferedImage picture = read(file, field);
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
    int outWidth = (int) Math.round(cropWidth * scale);
    int outHeight = (int) Math.round(cropHeight * scale);
    BufferedImage out = new BufferedImage(outWidth, outHeight, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    int x = (width - cropWidth) / 2;
    int y = (height - cropHeight) / 2;
    g.drawImage(picture, 0, 0, outWidth, outHeight, x, y, x + cropWidth, y + cropHeight, null);
    g.dispose();
    return encode(out);
  }

  private static double aspectRatio(Aspect aspect) {
    return switch (aspect) {
      case LANDSCAPE -> 16 / 9.0;
      case PORTRAIT -> 9 / 16.0;
      case SQUARE -> 1;
    };
  }

  private static BufferedImage read(Path file, String field) {
    try {
      BufferedImage picture = ImageIO.read(file.toFile());
      if (picture == null) {
        throw ReelForgeException.invalidField(field, "is not a PNG, JPEG, GIF or BMP picture");
      }
      return picture;
    } catch (IOException e) {
      throw ReelForgeException.invalidField(field, "could not be read: " + e.getMessage());
    }
  }

  private static byte[] encode(BufferedImage image) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam quality = writer.getDefaultWriteParam();
      quality.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      quality.setCompressionQuality(0.92f);
      writer.write(null, new IIOImage(image, null, null), quality);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }
}
