package dev.reelforge.media.render.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes overlay pictures as PNG with the fastest deflate level: they are read once by FFmpeg on
 * this machine, so encoding time matters and a few more bytes do not.
 */
final class FastPng {

  private FastPng() {}

  static void write(BufferedImage image, Path file) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    ImageWriteParam params = writer.getDefaultWriteParam();
    params.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    // The JDK's PNG writer maps quality q to deflate level 9·(1−q): 0.9 is level 1, fastest.
    params.setCompressionQuality(0.9f);
    try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, null), params);
    } finally {
      writer.dispose();
    }
  }
}
