package dev.reelforge.mediagen;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;

/**
 * The thumbnail port in the tests: a picture scaled with Java2D, and for a clip (no FFmpeg in this
 * module) a grey frame of its shape after checking the file is an MP4.
 */
final class ImageIoThumbnailer implements MediaThumbnailer {

  @Override
  public void ofImage(Path png, Path jpg) {
    try {
      BufferedImage picture = ImageIO.read(png.toFile());
      write(scaled(picture), jpg);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void ofClip(Path mp4, Path jpg) {
    try {
      byte[] head = Arrays.copyOfRange(Files.readAllBytes(mp4), 4, 8);
      if (!new String(head, java.nio.charset.StandardCharsets.US_ASCII).equals("ftyp")) {
        throw new IllegalArgumentException(mp4 + " is not an MP4");
      }
      BufferedImage frame = new BufferedImage(MAX_SIDE, 144, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = frame.createGraphics();
      g.setColor(Color.GRAY);
      g.fillRect(0, 0, MAX_SIDE, 144);
      g.dispose();
      write(frame, jpg);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BufferedImage scaled(BufferedImage picture) {
    double scale = (double) MAX_SIDE / Math.max(picture.getWidth(), picture.getHeight());
    int width = Math.max(1, (int) Math.round(picture.getWidth() * scale));
    int height = Math.max(1, (int) Math.round(picture.getHeight() * scale));
    BufferedImage thumb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = thumb.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(picture, 0, 0, width, height, null);
    g.dispose();
    return thumb;
  }

  private static void write(BufferedImage picture, Path jpg) throws IOException {
    if (!ImageIO.write(picture, "jpeg", jpg.toFile())) {
      throw new IOException("no JPEG writer");
    }
  }
}
