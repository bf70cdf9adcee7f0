package dev.reelforge.media.procedural;

import dev.reelforge.media.captions.FontLibrary;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A typography card: the beat's key phrase set large over geometric accents, in the upper part of
 * the frame (captions sit lower). The phrase is broken into one to four balanced lines and set at
 * the largest size at which every line fits the width and the block fits its band.
 */
final class PhraseCard {

  private static final int MAX_LINES = 4;

  private PhraseCard() {}

  static void paint(
      Graphics2D g, Palette palette, int width, int height, String text, SplittableRandom random) {
    accents(g, palette, width, height, random);
    String phrase = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
    if (phrase.isEmpty()) {
      return;
    }
    Font font = FontLibrary.shared().display();
    FontRenderContext context = g.getFontRenderContext();
    double maxWidth = width * 0.84;
    double band = height * (height > width ? 0.3 : 0.42);
    List<String> bestLines = List.of(phrase);
    float bestSize = 0;
    String[] words = phrase.split("\\s+");
    for (int lines = 1; lines <= Math.min(MAX_LINES, words.length); lines++) {
      List<String> split = balanced(words, lines);
      float size = fittingSize(font, context, split, maxWidth, band);
      if (size > bestSize * 1.05f) {
        bestSize = size;
        bestLines = split;
      }
    }
    float size = Math.min(bestSize, Math.min(width, height) / 6f);
    float lineHeight = size * 1.08f;
    float top =
        (float) (height * (height > width ? 0.34 : 0.40) - lineHeight * bestLines.size() / 2);
    float lastX = 0;
    float lastY = 0;
    float lastAdvance = 0;
    for (int i = 0; i < bestLines.size(); i++) {
      TextLayout layout = new TextLayout(bestLines.get(i), font.deriveFont(size), context);
      float x = (float) ((width - layout.getAdvance()) / 2);
      float y = top + lineHeight * i + layout.getAscent();
      g.setColor(Palette.withAlpha(Color.BLACK, 90));
      layout.draw(g, x + size / 24, y + size / 24);
      g.setColor(palette.ink());
      layout.draw(g, x, y);
      lastX = x;
      lastY = y;
      lastAdvance = layout.getAdvance();
    }
    g.setColor(palette.accent());
    g.fillRect(
        (int) lastX,
        (int) (lastY + size * 0.22),
        (int) Math.min(lastAdvance, width * 0.3),
        Math.max(4, (int) (size / 12)));
  }

  /** {@code words} in {@code lines} lines of about equal length, in order. */
  static List<String> balanced(String[] words, int lines) {
    int total = String.join(" ", words).length();
    double target = (double) total / lines;
    List<String> out = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    int remainingLines = lines;
    for (int i = 0; i < words.length; i++) {
      int wordsLeft = words.length - i;
      boolean mustBreak = wordsLeft < remainingLines;
      boolean wouldOverflow =
          line.length() > 0 && line.length() + 1 + words[i].length() > target * 1.15;
      if (line.length() > 0 && remainingLines > 1 && (mustBreak || wouldOverflow)) {
        out.add(line.toString());
        line.setLength(0);
        remainingLines--;
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(words[i]);
    }
    out.add(line.toString());
    return out;
  }

  private static float fittingSize(
      Font font, FontRenderContext context, List<String> lines, double maxWidth, double band) {
    float probe = 100f;
    double widest = 0;
    for (String line : lines) {
      widest = Math.max(widest, new TextLayout(line, font.deriveFont(probe), context).getAdvance());
    }
    float byWidth = (float) (probe * maxWidth / widest);
    float byHeight = (float) (band / (lines.size() * 1.08));
    return Math.min(byWidth, byHeight);
  }

  private static void accents(
      Graphics2D g, Palette palette, int width, int height, SplittableRandom random) {
    int shorter = Math.min(width, height);
    g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.55f));
    g.setColor(palette.accent());
    double r = shorter * (0.35 + random.nextDouble() * 0.1);
    g.fill(new Ellipse2D.Double(width - r * 1.2, -r * 0.4, r * 2, r * 2));
    g.setColor(palette.second());
    g.fill(new Ellipse2D.Double(-r * 0.8, height - r * 1.1, r * 1.6, r * 1.6));
    g.setComposite(AlphaComposite.SrcOver);
    g.setStroke(new BasicStroke(shorter / 120f));
    g.setColor(Palette.withAlpha(palette.ink(), 70));
    for (int i = 0; i < 5; i++) {
      int y = (int) (height * (0.62 + i * 0.035));
      g.drawLine((int) (width * 0.1), y, (int) (width * (0.3 + 0.1 * i)), y);
    }
  }
}
