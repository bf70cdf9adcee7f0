package dev.reelforge.providers.brand;

import dev.reelforge.core.brand.BrandAnalysis;
import dev.reelforge.core.brand.BrandAnalyzer;
import dev.reelforge.core.brand.Scores;
import dev.reelforge.providers.tools.LocalTool;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The offline brand analyser: looks at the pixels of the upload (a PNG at most 2048 pixels long)
 * and answers with measured facts, four scores from the rules below and a brand essence written
 * from those facts. Colour, tone and texture are measured on a copy at most {@value #WORK_SIDE}
 * pixels long (area-averaged), sharpness at most {@value QualityMeter#SHARPNESS_SIDE}, blockiness
 * and resolution on the original.
 *
 * <p>Measures, each in [0, 1] (details in {@link PaletteExtractor}, {@link BackgroundModel}, {@link
 * ToneMeter}, {@link QualityMeter}, {@link TextFinder}): palette (k-means in CIE Lab, background
 * told apart by a border-connected model), brightness B, contrast C, saturation S, colourfulness M,
 * edge density E, texture density T, straightness of edges G, palette harmony H, text presence and
 * coverage, sharpness P, blockiness K, resolution R.
 *
 * <p>Scores (every weight positive, so each score rises with each measure it names and with nothing
 * else; rounded to two decimals):
 *
 * <ul>
 *   <li><b>physics</b> = 0.5·T + 0.3·min(1, 3·E) + 0.2·S — dense organic texture (liquid, foliage,
 *       fabric), many edges and vivid colour are what a video engine must simulate in motion.
 *   <li><b>vibe</b> = 0.35·M + 0.25·S + 0.2·C + 0.2·H — colour, saturation, a dramatic tonal range
 *       and a harmonious palette are a mood to transfer.
 *   <li><b>logic</b> = 0.45·text + 0.3·(1 − T) + 0.25·G, where text = 0 without lettering and 0.5 +
 *       0.5·min(1, coverage / 0.05) with it — lettering, flat regions and straight geometry are
 *       structure that must stay legible.
 *   <li><b>integrity</b> = min(1, C / 0.08) · (0.25 + 0.75·P) · (1 − 0.5·K) · (0.2 + 0.8·R) · (0.6
 *       + 0.4·X), where the exposure X is 1 for B within [0.1, 0.9] and falls linearly to 0 at pure
 *       black or white — crisp, clean, large, well exposed and not blank. A product, so that one
 *       serious defect is enough: heavy blur alone (P = 0) leaves at most 0.25, a picture 256
 *       pixels or less on its short side (R ≤ 0.25) at most 0.4, a near-uniform one (contrast under
 *       0.08) loses integrity in proportion and a blank one all of it.
 * </ul>
 *
 * <p>Integrity below {@value Scores#INTEGRITY_FLOOR} flags the image with a reason naming each
 * cause and its measure, e.g. {@code integrity 0.31 below 0.4: image is heavily blurred (sharpness
 * 0.05) and tiny (120×90)}.
 */
public final class PixelBrandAnalyzer implements BrandAnalyzer {

  public static final String NAME = "local";
  public static final String ANALYZER = "local/pixels-1";

  /** Colour, tone and texture are measured on a copy at most this many pixels long. */
  static final int WORK_SIDE = 512;

  private final TextFinder text;

  /** Reads lettering with the {@code tesseract} on {@code PATH}, or finds it heuristically. */
  public PixelBrandAnalyzer() {
    this(LocalTool.onPath(TextFinder.TESSERACT));
  }

  /**
   * @param tesseract the OCR program to read lettering with; a missing one makes text detection
   *     heuristic (presence and coverage, no words)
   */
  public PixelBrandAnalyzer(LocalTool tesseract) {
    this.text = new TextFinder(tesseract);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public BrandAnalysis analyze(Path image) {
    Raster original = Raster.read(image);
    Raster small = original.downscaledTo(WORK_SIDE);
    float[] luma = small.luma();
    LabPlanes lab = new LabPlanes(small);
    BackgroundModel background = BackgroundModel.of(lab);
    ToneMeter.Tone tone =
        ToneMeter.measure(small, luma, new Gradients(luma, small.width, small.height));
    Measures measures =
        new Measures(
            PaletteExtractor.extract(small, lab, background),
            tone.look(),
            tone.texture(),
            tone.straightness(),
            background.share(),
            text.find(image, original, luma, small),
            QualityMeter.measure(original, original.downscaledTo(QualityMeter.SHARPNESS_SIDE)));
    Scores scores = BrandScoring.score(measures);
    Optional<String> flagged =
        BrandScoring.flaggedReason(scores, measures.look(), measures.quality());
    return new BrandAnalysis(
        measures.palette().stream().map(Swatch::toPaletteColour).toList(),
        measures.look(),
        measures.texture(),
        measures.text(),
        measures.quality(),
        scores,
        EssenceWriter.essence(measures),
        EssenceWriter.invariants(measures),
        flagged,
        ANALYZER);
  }
}
