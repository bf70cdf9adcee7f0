package dev.reelforge.bench;

import dev.reelforge.core.brand.BrandAnalysis;
import dev.reelforge.providers.brand.LocalStyleReferencer;
import dev.reelforge.providers.brand.PixelBrandAnalyzer;
import dev.reelforge.providers.tools.LocalTool;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;

/**
 * The offline brand analysis on the largest upload the app accepts (2048×2048 PNG), against
 * decoding the same PNG with ImageIO, in the same run: the analysis must decode it too, so the
 * ratio says what looking at the pixels costs on top. Two pictures (a flat logo with a wordmark, a
 * textured photograph-like picture), the analyser without OCR (heuristic lettering) and with
 * tesseract when it is installed, and the style reference. Rounds alternate the contenders;
 * medians.
 *
 * <pre>bench/run.sh brand [rounds=5]</pre>
 */
public final class BrandBenchmark {

  private static final int SIDE = 2048;

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    Path dir = Files.createTempDirectory("reelforge-brand-bench");
    Map<String, Path> pictures = new LinkedHashMap<>();
    pictures.put("logo", write(logo(), dir.resolve("logo.png")));
    pictures.put("photo", write(textured(), dir.resolve("photo.png")));
    LocalTool tesseract = LocalTool.onPath("tesseract");
    PixelBrandAnalyzer heuristic = new PixelBrandAnalyzer(LocalTool.onPath("reelforge-no-ocr"));
    PixelBrandAnalyzer ocr = new PixelBrandAnalyzer(tesseract);
    LocalStyleReferencer referencer = new LocalStyleReferencer();
    System.out.printf(
        "%d×%d PNG, %d rounds, %d processors, tesseract %s%n",
        SIDE,
        SIDE,
        rounds,
        Runtime.getRuntime().availableProcessors(),
        tesseract.installed() ? "installed" : "not installed");

    try {
      measure(pictures, heuristic, ocr, referencer, tesseract.installed(), rounds, dir);
    } finally {
      try (var files = Files.walk(dir)) {
        for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  private static void measure(
      Map<String, Path> pictures,
      PixelBrandAnalyzer heuristic,
      PixelBrandAnalyzer ocr,
      LocalStyleReferencer referencer,
      boolean withOcr,
      int rounds,
      Path dir)
      throws Exception {
    for (Map.Entry<String, Path> picture : pictures.entrySet()) {
      Path file = picture.getValue();
      BrandAnalysis analysis = heuristic.analyze(file);
      Map<String, Callable<?>> contenders = new LinkedHashMap<>();
      contenders.put("ImageIO decode (baseline)", () -> ImageIO.read(file.toFile()));
      contenders.put("analysis, heuristic text", () -> heuristic.analyze(file));
      if (withOcr) {
        contenders.put("analysis, tesseract", () -> ocr.analyze(file));
      }
      contenders.put(
          "style reference", () -> referencer.reference(file, analysis, 1, dir.resolve("ref")));
      // Warm-up: JIT and tesseract's first start.
      for (Callable<?> c : contenders.values()) {
        c.call();
        c.call();
      }
      Map<String, List<Long>> times = new LinkedHashMap<>();
      contenders.keySet().forEach(k -> times.put(k, new ArrayList<>()));
      List<String> names = new ArrayList<>(contenders.keySet());
      for (int round = 0; round < rounds; round++) {
        List<String> order = new ArrayList<>(names);
        if (round % 2 == 1) {
          java.util.Collections.reverse(order);
        }
        for (String name : order) {
          long start = System.nanoTime();
          contenders.get(name).call();
          times.get(name).add(System.nanoTime() - start);
        }
      }
      double baseline = median(times.get(names.getFirst()));
      System.out.printf(
          "%n%s: palette %s, scores %s, text %s%n",
          picture.getKey(), analysis.paletteHex(), analysis.scores(), ocr.analyze(file).text());
      for (String name : names) {
        double ms = median(times.get(name));
        System.out.printf("  %-28s %8.1f ms   %5.2f× decode%n", name, ms, ms / baseline);
      }
    }
  }

  private static double median(List<Long> nanos) {
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    return sorted[sorted.length / 2] / 1e6;
  }

  private static Path write(BufferedImage image, Path file) throws Exception {
    ImageIO.write(image, "png", file.toFile());
    return file;
  }

  private static BufferedImage logo() {
    BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, SIDE, SIDE);
    g.setColor(new Color(0xd62828));
    double r = SIDE * 0.22;
    g.fill(new Ellipse2D.Double(SIDE / 2.0 - r, SIDE * 0.36 - r, 2 * r, 2 * r));
    g.setColor(new Color(0x1b1b1e));
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, SIDE / 7));
    int width = g.getFontMetrics().stringWidth("ACME");
    g.drawString("ACME", (SIDE - width) / 2, (int) (SIDE * 0.82));
    g.dispose();
    return image;
  }

  private static BufferedImage textured() {
    BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
    SplittableRandom random = new SplittableRandom(7);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setPaint(new GradientPaint(0, 0, new Color(0x2a6f97), SIDE, SIDE, new Color(0xe07a5f)));
    g.fillRect(0, 0, SIDE, SIDE);
    for (int i = 0; i < 400; i++) {
      g.setColor(
          new Color(
              random.nextInt(256),
              random.nextInt(256),
              random.nextInt(256),
              60 + random.nextInt(140)));
      double s = SIDE * (0.01 + random.nextDouble() * 0.12);
      g.fill(new Ellipse2D.Double(random.nextDouble() * SIDE, random.nextDouble() * SIDE, s, s));
    }
    g.setStroke(new BasicStroke(SIDE / 500f));
    for (int i = 0; i < 1500; i++) {
      g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 150));
      double x = random.nextDouble() * SIDE;
      double y = random.nextDouble() * SIDE;
      double angle = random.nextDouble() * Math.PI * 2;
      g.draw(
          new Line2D.Double(
              x, y, x + Math.cos(angle) * SIDE * 0.03, y + Math.sin(angle) * SIDE * 0.03));
    }
    g.dispose();
    int[] rgb = image.getRGB(0, 0, SIDE, SIDE, null, 0, SIDE);
    for (int i = 0; i < rgb.length; i++) {
      int n = random.nextInt(41) - 20;
      int r = Math.max(0, Math.min(255, ((rgb[i] >> 16) & 0xff) + n));
      int gr = Math.max(0, Math.min(255, ((rgb[i] >> 8) & 0xff) + n));
      int b = Math.max(0, Math.min(255, (rgb[i] & 0xff) + n));
      rgb[i] = (r << 16) | (gr << 8) | b;
    }
    image.setRGB(0, 0, SIDE, SIDE, rgb, 0, SIDE);
    return image;
  }
}
