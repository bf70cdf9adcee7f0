package dev.reelforge.media.procedural;

import dev.reelforge.media.procedural.icons.Icon;
import dev.reelforge.media.procedural.icons.IconSet;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Paints designed pictures: every style starts from a two-colour gradient and adds structure
 * (shapes, strokes, type, tiles, icons), so that no output is ever a flat colour. Deterministic:
 * the same arguments paint the same pixels.
 */
public final class DesignPainter {

  private DesignPainter() {}

  /**
   * @param text the words a typography card shows (other styles ignore it)
   */
  public static BufferedImage paint(
      DesignStyle style, Palette palette, int width, int height, String text, long seed) {
    return paint(new Design(style, palette, width, height, seed, text));
  }

  /** Paints {@code design}; an illustration's icons come from the bundled icon set. */
  static BufferedImage paint(Design design) {
    int width = design.width();
    int height = design.height();
    Palette palette = design.palette();
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      SplittableRandom random = new SplittableRandom(design.seed());
      gradient(g, palette, width, height, random);
      switch (design.style()) {
        case GRADIENT_SHAPES -> softShapes(g, palette, width, height, random);
        case FLOW_FIELD -> flowField(g, palette, width, height, random);
        case TYPOGRAPHY_CARD -> PhraseCard.paint(g, palette, width, height, design.text(), random);
        case GEOMETRIC -> geometric(g, palette, width, height, random);
        case ILLUSTRATION -> {
          IconSet set = IconSet.fontAwesome();
          List<Icon> icons = design.icons().stream().flatMap(n -> set.icon(n).stream()).toList();
          IllustrationPainter.paint(g, set, icons, palette, width, height, random);
        }
      }
      vignette(g, width, height);
    } finally {
      g.dispose();
    }
    return image;
  }

  private static void gradient(
      Graphics2D g, Palette palette, int width, int height, SplittableRandom random) {
    boolean flip = random.nextBoolean();
    g.setPaint(
        new GradientPaint(
            flip ? width : 0, 0, palette.from(), flip ? 0 : width, height, palette.to()));
    g.fillRect(0, 0, width, height);
  }

  private static void softShapes(
      Graphics2D g, Palette palette, int width, int height, SplittableRandom random) {
    int shorter = Math.min(width, height);
    for (int i = 0; i < 7; i++) {
      double radius = shorter * (0.18 + random.nextDouble() * 0.35);
      double x = random.nextDouble() * width;
      double y = random.nextDouble() * height;
      Color color = i % 2 == 0 ? palette.accent() : palette.second();
      g.setPaint(
          new RadialGradientPaint(
              new Point2D.Double(x, y),
              (float) radius,
              new float[] {0f, 1f},
              new Color[] {Palette.withAlpha(color, 150), Palette.withAlpha(color, 0)}));
      g.fill(new Ellipse2D.Double(x - radius, y - radius, radius * 2, radius * 2));
    }
    g.setStroke(new BasicStroke(shorter / 160f));
    g.setColor(Palette.withAlpha(palette.ink(), 60));
    for (int i = 0; i < 3; i++) {
      double r = shorter * (0.25 + 0.15 * i);
      g.draw(new Ellipse2D.Double(width * 0.7 - r, height * 0.3 - r, r * 2, r * 2));
    }
  }

  private static void flowField(
      Graphics2D g, Palette palette, int width, int height, SplittableRandom random) {
    ValueNoise noise = new ValueNoise(random.nextLong());
    double scale = 1.0 / (Math.min(width, height) * 0.35);
    float strokeWidth = Math.max(1.5f, Math.min(width, height) / 400f);
    g.setStroke(new BasicStroke(strokeWidth, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    int lines = (width * height) / 900;
    double step = Math.min(width, height) / 200.0;
    for (int i = 0; i < lines; i++) {
      double x = random.nextDouble() * width;
      double y = random.nextDouble() * height;
      Path2D.Double path = new Path2D.Double();
      path.moveTo(x, y);
      for (int s = 0; s < 40; s++) {
        double angle = noise.at(x * scale, y * scale) * Math.PI * 4;
        x += Math.cos(angle) * step;
        y += Math.sin(angle) * step;
        path.lineTo(x, y);
      }
      Color base = random.nextDouble() < 0.6 ? palette.accent() : palette.second();
      g.setColor(Palette.withAlpha(base, 40 + random.nextInt(80)));
      g.draw(path);
    }
  }

  private static void geometric(
      Graphics2D g, Palette palette, int width, int height, SplittableRandom random) {
    int cell = Math.min(width, height) / 6;
    for (int row = -1; row <= height / cell + 1; row++) {
      for (int col = -1; col <= width / cell + 1; col++) {
        double fade = (double) (row * cell) / height;
        int alpha = (int) (30 + 140 * Math.max(0, 1 - fade));
        Color color = (row + col) % 3 == 0 ? palette.accent() : palette.second();
        g.setColor(Palette.withAlpha(color, Math.min(255, alpha * (random.nextInt(3) + 1) / 3)));
        AffineTransform saved = g.getTransform();
        g.translate(col * cell + cell / 2.0, row * cell + cell / 2.0);
        g.rotate(Math.PI / 4 * random.nextInt(4));
        int kind = random.nextInt(3);
        int half = cell / 3;
        switch (kind) {
          case 0 -> g.fillRect(-half, -half, half * 2, half * 2);
          case 1 -> g.fill(new Ellipse2D.Double(-half, -half, half * 2, half * 2));
          default -> {
            Path2D.Double triangle = new Path2D.Double();
            triangle.moveTo(0, -half);
            triangle.lineTo(half, half);
            triangle.lineTo(-half, half);
            triangle.closePath();
            g.fill(triangle);
          }
        }
        g.setTransform(saved);
      }
    }
  }

  /** Darkened corners: draws the eye to the centre, where captions sit. */
  private static void vignette(Graphics2D g, int width, int height) {
    float radius = (float) Math.hypot(width, height) / 2;
    g.setPaint(
        new RadialGradientPaint(
            new Point2D.Double(width / 2.0, height / 2.0),
            radius,
            new float[] {0.55f, 1f},
            new Color[] {new Color(0, 0, 0, 0), new Color(0, 0, 0, 110)}));
    g.fillRect(0, 0, width, height);
  }

  /** Smooth 2-D value noise in [0, 1): bilinear-smoothstep interpolation of a hashed lattice. */
  private static final class ValueNoise {
    private final long seed;

    ValueNoise(long seed) {
      this.seed = seed;
    }

    double at(double x, double y) {
      int x0 = (int) Math.floor(x);
      int y0 = (int) Math.floor(y);
      double fx = smooth(x - x0);
      double fy = smooth(y - y0);
      double top = lerp(lattice(x0, y0), lattice(x0 + 1, y0), fx);
      double bottom = lerp(lattice(x0, y0 + 1), lattice(x0 + 1, y0 + 1), fx);
      return lerp(top, bottom, fy);
    }

    private double lattice(int x, int y) {
      long h = seed ^ (x * 0x9E3779B97F4A7C15L) ^ (y * 0xC2B2AE3D27D4EB4FL);
      h ^= h >>> 33;
      h *= 0xFF51AFD7ED558CCDL;
      h ^= h >>> 33;
      return (h >>> 11) * 0x1.0p-53;
    }

    private static double smooth(double t) {
      return t * t * (3 - 2 * t);
    }

    private static double lerp(double a, double b, double t) {
      return a + (b - a) * t;
    }
  }
}
