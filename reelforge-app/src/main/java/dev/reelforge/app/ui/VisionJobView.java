package dev.reelforge.app.ui;

import dev.reelforge.app.brand.BrandLinks;
import dev.reelforge.brand.BrandJson;
import dev.reelforge.brand.BrandKeys;
import dev.reelforge.brand.StyleReferenceRecord;
import dev.reelforge.core.brand.BrandAnalysis;
import dev.reelforge.core.brand.Scores;
import dev.reelforge.core.brand.VisionJob;
import dev.reelforge.core.brand.VisionStatus;
import java.util.List;
import java.util.Locale;

/**
 * A brand upload's vision job as the Director pages show it: its state in words and, once analysed,
 * the analysis card — palette swatches (hex, share, subject or background), the four scores and the
 * look as bars, the text read, the flag and why, the style reference.
 *
 * @param status the API's word ({@code pending}, {@code analyzing}, {@code completed}, {@code
 *     flagged}, {@code failed}), for styles, scripts and tests
 * @param live whether the analysis is still under way (the page polls its card)
 * @param directable whether a storyboard can be directed from it (analysed and not flagged)
 */
public record VisionJobView(
    String id,
    String shortId,
    String filename,
    String status,
    String statusWords,
    String created,
    boolean live,
    boolean directable,
    String flaggedReason,
    String error,
    String image,
    String styleReference,
    String styleMethod,
    Analysis analysis) {

  /** One palette colour: {@code share} as a percentage, {@code role} in words. */
  public record Swatch(String hex, String share, String role) {}

  /** A measure in [0, 1], shown as a bar ({@code <meter>}) and a number. */
  public record Measure(String key, String label, double value, String shown) {
    static Measure of(String key, String label, double value) {
      return new Measure(key, label, value, String.format(Locale.ROOT, "%.2f", value));
    }
  }

  /**
   * What the analyser found; absent ({@code null}) until analysed.
   *
   * @param text the words read, or a sentence saying none were
   */
  public record Analysis(
      List<Swatch> palette,
      List<Measure> scores,
      List<Measure> look,
      String text,
      String quality,
      String essence,
      List<String> invariants,
      String analyzer) {}

  static VisionJobView of(VisionJob job, BrandLinks links) {
    String id = job.id().toString();
    VisionStatus status = job.status();
    return new VisionJobView(
        id,
        id.substring(24),
        job.originalFilename(),
        status.wire(),
        StateWords.of(status),
        Pages.when(job.createdAt()),
        !status.finished(),
        status == VisionStatus.COMPLETED,
        job.flaggedReason().orElse(""),
        job.errorMessage().orElse(""),
        status.finished() ? links.link(BrandKeys.normalised(job.ownerId(), job.id())) : "",
        job.styleReferenceKey().map(links::link).orElse(""),
        job.styleReferenceJson().map(VisionJobView::method).orElse(""),
        job.analysisJson()
            .map(json -> analysis(BrandJson.read(json, BrandAnalysis.class)))
            .orElse(null));
  }

  private static Analysis analysis(BrandAnalysis a) {
    List<Swatch> palette =
        a.palette().stream()
            .map(
                c ->
                    new Swatch(
                        c.hex(),
                        String.format(Locale.ROOT, "%.0f %%", c.share() * 100),
                        c.role() == BrandAnalysis.Role.SUBJECT ? "subject" : "background"))
            .toList();
    Scores s = a.scores();
    List<Measure> scores =
        List.of(
            Measure.of("physics", "Physics (motion, materials)", s.physics()),
            Measure.of("vibe", "Vibe (mood, aesthetics)", s.vibe()),
            Measure.of("logic", "Logic (text, structure)", s.logic()),
            Measure.of("integrity", "Integrity (fit to build on)", s.integrity()));
    BrandAnalysis.Look l = a.look();
    List<Measure> look =
        List.of(
            Measure.of("brightness", "Brightness", l.brightness()),
            Measure.of("contrast", "Contrast", l.contrast()),
            Measure.of("saturation", "Saturation", l.saturation()),
            Measure.of("colourfulness", "Colourfulness", l.colourfulness()));
    BrandAnalysis.TextPresence t = a.text();
    String text;
    if (!t.present()) {
      text = "No text found (" + t.reader() + ")";
    } else if (t.text().isBlank()) {
      text = "Text present, not read (" + t.reader() + ")";
    } else {
      text = "“" + t.text().strip() + "” (" + t.reader() + ")";
    }
    BrandAnalysis.Quality q = a.quality();
    String quality =
        String.format(
            Locale.ROOT,
            "%d×%d px · sharpness %.2f · blockiness %.2f",
            q.width(),
            q.height(),
            q.sharpness(),
            q.blockiness());
    return new Analysis(
        palette,
        scores,
        look,
        text,
        quality,
        a.brandEssencePrompt(),
        a.invariantElements(),
        a.analyzer());
  }

  /** How the style reference was made, in words: "offline derivative, strength 0.40, seed 7". */
  private static String method(String json) {
    StyleReferenceRecord.Processing p =
        BrandJson.read(json, StyleReferenceRecord.class).processing();
    return String.format(
        Locale.ROOT,
        "%s, strength %.2f, seed %d (%s)",
        p.method(),
        p.strength(),
        p.seed(),
        p.provider());
  }

  /** The upload's name and short id, for lists. */
  public String label() {
    return filename + " · " + shortId;
  }
}
