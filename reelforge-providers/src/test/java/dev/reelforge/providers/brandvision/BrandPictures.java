package dev.reelforge.providers.brandvision;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Brand images for the cloud adapters' tests, drawn on the spot. */
public final class BrandPictures {

  public static final int WIDTH = 400;
  public static final int HEIGHT = 300;

  /** The logo's colour. */
  public static final String ORANGE = "#ff6600";

  public static final String WHITE = "#ffffff";

  /** The circle's radius: it covers π·90² / (400·300) ≈ 21 % of the picture. */
  public static final int RADIUS = 90;

  private BrandPictures() {}

  /** A flat logo: an orange disc (no anti-aliasing, two colours exactly) on white, as a PNG. */
  public static Path logo(Path dir) throws IOException {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, HEIGHT);
    g.setColor(new Color(0xff6600));
    g.fillOval(WIDTH / 2 - RADIUS, HEIGHT / 2 - RADIUS, 2 * RADIUS, 2 * RADIUS);
    g.dispose();
    Files.createDirectories(dir);
    Path file = dir.resolve("logo.png");
    ImageIO.write(image, "png", file.toFile());
    return file;
  }

  /** The disc's share of the picture. */
  public static double discShare() {
    return Math.PI * RADIUS * RADIUS / (WIDTH * HEIGHT);
  }

  /** A file that is not a picture. */
  public static Path notAPicture(Path dir) throws IOException {
    Path file = dir.resolve("logo.png");
    Files.writeString(file, "GIF89a? no, plain text");
    return file;
  }
}
