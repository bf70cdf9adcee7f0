package dev.reelforge.media.procedural;

import dev.reelforge.media.procedural.icons.Icon;
import dev.reelforge.media.procedural.icons.IconSet;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Composes matched icons into a picture: a faint pattern of the leading icon over the whole frame,
 * the leading icon large on a halo in the upper middle (clear of the captions, which sit at two
 * thirds of the height in vertical formats and four fifths in the others), and up to two more on
 * discs beside it (below it in a vertical frame, level with it in the others). The icons are the
 * set's glyph outlines, so they stay sharp at any size.
 */
final class IllustrationPainter {

  private IllustrationPainter() {}

  /**
   * @param icons the leading icon first, then its companions (at most two are drawn)
   */
  static void paint(
      Graphics2D g,
      IconSet set,
      List<Icon> icons,
      Palette palette,
      int width,
      int height,
      SplittableRandom random) {
    if (icons.isEmpty()) {
      return;
    }
    int shorter = Math.min(width, height);
    double[] box = heroBox(width, height);
    double cx = box[0];
    double cy = box[1];
    double hero = box[2];
    pattern(g, set, icons.getFirst(), palette, width, height, random);
    halo(g, palette, cx, cy, hero, shorter);
    drawHero(g, set.outline(icons.getFirst(), cx, cy, hero), palette, shorter);
    // Below the hero on either side in a vertical frame; level with it in a wide or square one,
    // where the width leaves room and the captions' band below does not.
    boolean vertical = height > width;
    List<Icon> companions = icons.subList(1, Math.min(3, icons.size()));
    double[] angles =
        vertical
            ? (companions.size() == 1 ? new double[] {40} : new double[] {140, 40})
            : (companions.size() == 1 ? new double[] {0} : new double[] {180, 0});
    boolean square = width == height;
    double distance = hero * (vertical ? 0.9 : square ? 0.82 : 1.2);
    double companionSize = shorter * (square ? 0.14 : 0.17);
    for (int i = 0; i < companions.size(); i++) {
      double angle = Math.toRadians(angles[i]);
      double x = cx + Math.cos(angle) * distance;
      double y = cy + Math.sin(angle) * distance;
      companion(g, set, companions.get(i), palette, x, y, companionSize);
    }
  }

  /**
   * Where the leading icon goes: its centre (x, y) and the length of its longer side, in the upper
   * middle of the frame; smaller in a square one, which has least room beside it.
   */
  static double[] heroBox(int width, int height) {
    int shorter = Math.min(width, height);
    boolean vertical = height > width;
    double size = shorter * (vertical ? 0.46 : width == height ? 0.40 : 0.44);
    return new double[] {width / 2.0, height * (vertical ? 0.36 : 0.42), size};
  }

  /** The leading icon small and faint on a staggered grid: texture that belongs to the topic. */
  private static void pattern(
      Graphics2D g,
      IconSet set,
      Icon icon,
      Palette palette,
      int width,
      int height,
      SplittableRandom random) {
    int shorter = Math.min(width, height);
    double step = shorter * 0.2;
    double size = shorter * 0.085;
    g.setColor(Palette.withAlpha(palette.ink(), 26));
    int row = 0;
    for (double y = step / 2; y < height + step; y += step * 0.87, row++) {
      double offset = row % 2 == 0 ? 0 : step / 2;
      for (double x = offset; x < width + step; x += step) {
        AffineTransform saved = g.getTransform();
        g.rotate(Math.toRadians(random.nextInt(-18, 19)), x, y);
        g.fill(set.outline(icon, x, y, size));
        g.setTransform(saved);
      }
    }
  }

  private static void halo(
      Graphics2D g, Palette palette, double cx, double cy, double hero, int shorter) {
    float radius = (float) (hero * 0.95);
    g.setPaint(
        new RadialGradientPaint(
            new Point2D.Double(cx, cy),
            radius,
            new float[] {0f, 0.7f, 1f},
            new Color[] {
              Palette.withAlpha(palette.accent(), 190),
              Palette.withAlpha(palette.accent(), 90),
              Palette.withAlpha(palette.accent(), 0)
            }));
    g.fill(new Ellipse2D.Double(cx - radius, cy - radius, radius * 2, radius * 2));
    double ring = hero * 0.72;
    g.setStroke(new BasicStroke(shorter / 110f));
    g.setColor(Palette.withAlpha(palette.ink(), 80));
    g.draw(new Ellipse2D.Double(cx - ring, cy - ring, ring * 2, ring * 2));
  }

  private static void drawHero(Graphics2D g, Shape icon, Palette palette, int shorter) {
    double shadow = shorter / 70.0;
    AffineTransform saved = g.getTransform();
    g.translate(shadow, shadow);
    g.setColor(new Color(0, 0, 0, 90));
    g.fill(icon);
    g.setTransform(saved);
    var bounds = icon.getBounds2D();
    g.setPaint(
        new GradientPaint(
            0,
            (float) bounds.getMinY(),
            palette.ink(),
            0,
            (float) bounds.getMaxY(),
            mix(palette.ink(), palette.second(), 0.35)));
    g.fill(icon);
  }

  private static void companion(
      Graphics2D g, IconSet set, Icon icon, Palette palette, double x, double y, double size) {
    double radius = size * 0.82;
    g.setColor(new Color(0, 0, 0, 70));
    g.fill(
        new Ellipse2D.Double(
            x - radius + size / 14, y - radius + size / 14, radius * 2, radius * 2));
    Color disc = palette.second();
    g.setColor(disc);
    g.fill(new Ellipse2D.Double(x - radius, y - radius, radius * 2, radius * 2));
    g.setColor(contrasting(disc, palette.from(), palette.ink()));
    g.fill(set.outline(icon, x, y, size * 0.95));
  }

  /** Whichever of {@code a} and {@code b} differs more in luma from {@code background}. */
  static Color contrasting(Color background, Color a, Color b) {
    double l = luma(background);
    return Math.abs(luma(a) - l) >= Math.abs(luma(b) - l) ? a : b;
  }

  static double luma(Color c) {
    return 0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue();
  }

  private static Color mix(Color a, Color b, double t) {
    return new Color(
        (int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
        (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
        (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
  }
}
