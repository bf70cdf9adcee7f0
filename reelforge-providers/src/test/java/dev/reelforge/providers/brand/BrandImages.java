package dev.reelforge.providers.brand;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Brand pictures drawn for the tests, written as PNG (as the app normalises uploads). */
final class BrandImages {

  static final Color CRIMSON = new Color(0xd6, 0x28, 0x28);

  private BrandImages() {}

  /** A crimson disc on white, optionally with a dark wordmark under it. */
  static BufferedImage logo(int size, String wordmark) {
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      smooth(g);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, size, size);
      g.setColor(CRIMSON);
      double r = size * (wordmark.isEmpty() ? 0.3 : 0.22);
      double cy = wordmark.isEmpty() ? size / 2.0 : size * 0.36;
      g.fill(new Ellipse2D.Double(size / 2.0 - r, cy - r, 2 * r, 2 * r));
      if (!wordmark.isEmpty()) {
        g.setColor(new Color(0x1b, 0x1b, 0x1e));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size / 7));
        int width = g.getFontMetrics().stringWidth(wordmark);
        g.drawString(wordmark, (size - width) / 2, (int) (size * 0.82));
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  /**
   * A photo-like picture: coloured gradients, many overlapping soft and hard shapes, fine grain and
   * strokes, running off every edge.
   */
  static BufferedImage textured(int width, int height, long seed) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    SplittableRandom random = new SplittableRandom(seed);
    Graphics2D g = image.createGraphics();
    try {
      smooth(g);
      g.setPaint(
          new java.awt.GradientPaint(
              0, 0, new Color(0x2a6f97), width, height, new Color(0xe07a5f)));
      g.fillRect(0, 0, width, height);
      for (int i = 0; i < 400; i++) {
        g.setColor(
            new Color(
                random.nextInt(256),
                random.nextInt(256),
                random.nextInt(256),
                60 + random.nextInt(140)));
        double s = Math.min(width, height) * (0.01 + random.nextDouble() * 0.12);
        g.fill(
            new Ellipse2D.Double(random.nextDouble() * width, random.nextDouble() * height, s, s));
      }
      g.setStroke(new BasicStroke(Math.max(1, width / 500f)));
      for (int i = 0; i < 1500; i++) {
        g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 150));
        double x = random.nextDouble() * width;
        double y = random.nextDouble() * height;
        double angle = random.nextDouble() * Math.PI * 2;
        double len = width * 0.03;
        g.draw(
            new java.awt.geom.Line2D.Double(
                x, y, x + Math.cos(angle) * len, y + Math.sin(angle) * len));
      }
    } finally {
      g.dispose();
    }
    int[] rgb = image.getRGB(0, 0, width, height, null, 0, width);
    for (int i = 0; i < rgb.length; i++) {
      int n = random.nextInt(41) - 20;
      int r = clamp(((rgb[i] >> 16) & 0xff) + n);
      int gr = clamp(((rgb[i] >> 8) & 0xff) + n);
      int b = clamp((rgb[i] & 0xff) + n);
      rgb[i] = (r << 16) | (gr << 8) | b;
    }
    image.setRGB(0, 0, width, height, rgb, 0, width);
    return image;
  }

  static BufferedImage flat(int width, int height, Color colour) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(colour);
      g.fillRect(0, 0, width, height);
    } finally {
      g.dispose();
    }
    return image;
  }

  /**
   * A box blur of {@code radius} applied {@code passes} times (near-Gaussian), the picture's edge
   * pixels repeated beyond it so that the border is blurred as much as the middle.
   */
  static BufferedImage blurred(BufferedImage source, int radius, int passes) {
    int w = source.getWidth();
    int h = source.getHeight();
    int[] rgb = source.getRGB(0, 0, w, h, null, 0, w);
    float[][] planes = new float[3][w * h];
    for (int i = 0; i < rgb.length; i++) {
      planes[0][i] = (rgb[i] >> 16) & 0xff;
      planes[1][i] = (rgb[i] >> 8) & 0xff;
      planes[2][i] = rgb[i] & 0xff;
    }
    for (float[] plane : planes) {
      for (int p = 0; p < passes; p++) {
        float[] across = new float[w * h];
        for (int y = 0; y < h; y++) {
          for (int x = 0; x < w; x++) {
            float sum = 0;
            for (int k = -radius; k <= radius; k++) {
              sum += plane[y * w + Math.max(0, Math.min(w - 1, x + k))];
            }
            across[y * w + x] = sum / (2 * radius + 1);
          }
        }
        for (int y = 0; y < h; y++) {
          for (int x = 0; x < w; x++) {
            float sum = 0;
            for (int k = -radius; k <= radius; k++) {
              sum += across[Math.max(0, Math.min(h - 1, y + k)) * w + x];
            }
            plane[y * w + x] = sum / (2 * radius + 1);
          }
        }
      }
    }
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int i = 0; i < rgb.length; i++) {
      rgb[i] =
          (clamp(Math.round(planes[0][i])) << 16)
              | (clamp(Math.round(planes[1][i])) << 8)
              | clamp(Math.round(planes[2][i]));
    }
    out.setRGB(0, 0, w, h, rgb, 0, w);
    return out;
  }

  static BufferedImage scaled(BufferedImage source, int width, int height) {
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(source, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  static Path png(BufferedImage image, Path file) {
    try {
      ImageIO.write(image, "png", file.toFile());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes {@code image} as a JPEG of {@code quality} (0–1), then decodes it and writes that as a
   * PNG, as the app normalises a JPEG upload.
   */
  static Path jpegThenPng(BufferedImage image, float quality, Path directory, String name) {
    try {
      Path jpeg = directory.resolve(name + ".jpg");
      ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
      try (ImageOutputStream out = ImageIO.createImageOutputStream(jpeg.toFile())) {
        writer.setOutput(out);
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        writer.write(null, new IIOImage(image, null, null), param);
      } finally {
        writer.dispose();
      }
      return png(ImageIO.read(jpeg.toFile()), directory.resolve(name + ".png"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void smooth(Graphics2D g) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }
}
