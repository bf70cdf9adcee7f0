package dev.reelforge.providers.brand;

import dev.reelforge.core.brand.BrandAnalysis.TextPresence;
import dev.reelforge.providers.tools.LocalTool;
import dev.reelforge.providers.tools.ScratchDirectory;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * Finds lettering. With tesseract installed it reads words (sparse-text mode, so a logo's scattered
 * wordmark is found) and keeps words of two or more letters read with a confidence of at least
 * {@link #MIN_CONFIDENCE} ({@link #SHORT_WORD_CONFIDENCE} for two letters) whose box covers at
 * least {@link #MIN_WORD_AREA} of the picture; coverage is the kept words' boxes over the picture.
 * Without tesseract, or when it fails, {@link TextHeuristic} finds text-like strokes and reads
 * nothing.
 */
final class TextFinder {

  static final String TESSERACT = "tesseract";
  static final String HEURISTIC = "heuristic";
  static final String INSTALL_HINT = "apt-get install tesseract-ocr";
  static final double MIN_CONFIDENCE = 70;

  /** Two-character words need this confidence: a photograph's texture reads as "Xe" or "lo". */
  static final double SHORT_WORD_CONFIDENCE = 90;

  /**
   * A word's box must cover at least this share of the picture: smaller "words" in a brand image
   * are grain or texture read as letters, and fine print does not make a wordmark.
   */
  static final double MIN_WORD_AREA = 0.0004;

  static final int MAX_WORDS = 12;
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** Tesseract reads lettering best when the picture's long side is about this many pixels. */
  private static final int OCR_SIDE = 1280;

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}&'.-]*");

  private final LocalTool tesseract;

  TextFinder(LocalTool tesseract) {
    this.tesseract = tesseract;
  }

  TextPresence find(Path image, Raster original, float[] luma, Raster small) {
    if (tesseract.installed()) {
      try {
        return read(image, original);
      } catch (LocalTool.ToolFailure | IOException e) {
        // The heuristic below still answers whether there is text; only the words are lost.
      }
    }
    return TextHeuristic.find(luma, small.width, small.height);
  }

  private TextPresence read(Path image, Raster original) throws IOException {
    try (ScratchDirectory work = ScratchDirectory.beside(image, "ocr")) {
      Path input = work.resolve("ocr.png");
      BufferedImage prepared = prepared(original);
      if (!ImageIO.write(prepared, "png", input.toFile())) {
        throw new IOException("no PNG writer");
      }
      String tsv =
          tesseract.run(
              List.of(input.toString(), "stdout", "--psm", "11", "-l", "eng", "tsv"),
              Optional.empty(),
              TIMEOUT);
      return parse(tsv, prepared.getWidth(), prepared.getHeight());
    }
  }

  /**
   * Grey, resized so the long side is {@link #OCR_SIDE}: small logos gain, big photos cost less.
   */
  private static BufferedImage prepared(Raster original) {
    double scale = (double) OCR_SIDE / Math.max(original.width, original.height);
    int w = Math.max(1, (int) Math.round(original.width * scale));
    int h = Math.max(1, (int) Math.round(original.height * scale));
    Raster source = scale < 1 ? original.downscaledTo(OCR_SIDE) : original;
    BufferedImage grey = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = grey.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
      g.drawImage(source.toImage(), 0, 0, w, h, null);
    } finally {
      g.dispose();
    }
    return grey;
  }

  /**
   * Tesseract's TSV: level, page, block, paragraph, line, word, left, top, width, height, conf,
   * text.
   */
  static TextPresence parse(String tsv, int width, int height) {
    List<String> words = new ArrayList<>();
    double area = 0;
    for (String line : tsv.split("\n")) {
      String[] cells = line.split("\t", -1);
      if (cells.length < 12 || !"5".equals(cells[0])) {
        continue;
      }
      double confidence;
      try {
        confidence = Double.parseDouble(cells[10]);
      } catch (NumberFormatException e) {
        continue;
      }
      String text = cells[11].strip();
      long letters = letters(text);
      double box = Double.parseDouble(cells[8]) * Double.parseDouble(cells[9]);
      if (!WORD.matcher(text).matches()
          || letters < 2
          || confidence < (letters == 2 ? SHORT_WORD_CONFIDENCE : MIN_CONFIDENCE)
          || box < MIN_WORD_AREA * width * height) {
        continue;
      }
      if (words.size() < MAX_WORDS) {
        words.add(text);
      }
      area += box;
    }
    if (words.isEmpty()) {
      return TextPresence.none(TESSERACT);
    }
    double coverage = Math.min(1, area / ((double) width * height));
    return new TextPresence(true, String.join(" ", words), coverage, TESSERACT);
  }

  private static long letters(String text) {
    return text.codePoints().filter(Character::isLetterOrDigit).count();
  }
}
