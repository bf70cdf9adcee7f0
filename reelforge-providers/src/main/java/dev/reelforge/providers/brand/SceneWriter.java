package dev.reelforge.providers.brand;

import dev.reelforge.core.brand.BrandAnalysis;
import dev.reelforge.core.brand.BrandAnalysis.PaletteColour;
import dev.reelforge.core.brand.BrandAnalysis.Role;
import dev.reelforge.core.brand.DirectorBrief;
import dev.reelforge.core.brand.SceneScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes one scene from the brief: the shot's framing around the brand essence, the camera move and
 * lens, lighting from the analysis (key from brightness, fill temperature and rim colour from the
 * lead subject colour, contrast), the palette's hex codes (subject colours first, which the offline
 * preview generator paints with), the style preset's layer and the invariant to keep.
 */
final class SceneWriter {

  static final int MAX_ESSENCE_CHARS = 320;

  private SceneWriter() {}

  static SceneScript write(DirectorBrief brief, Shot shot, String camera) {
    BrandAnalysis analysis = brief.analysis();
    String invariant = invariant(analysis);
    String lighting = lighting(analysis);
    StringBuilder prompt = new StringBuilder();
    prompt.append(shot.label).append(": ").append(shot.framing).append(", ");
    prompt.append(essence(analysis)).append(". ");
    prompt.append(ScenePrompt.CAMERA).append(camera).append(", ").append(shot.lens).append(". ");
    prompt.append(ScenePrompt.LIGHTING).append(lighting).append(". ");
    prompt.append("Brand palette ").append(String.join(", ", paletteHexes(analysis))).append(". ");
    brief
        .stylePreset()
        .filter(p -> !p.isBlank())
        .ifPresent(p -> prompt.append("Style: ").append(p.strip()).append(". "));
    brief
        .styleReferenceUrl()
        .ifPresent(url -> prompt.append("Style reference: ").append(url).append(". "));
    prompt.append("Keep the ").append(invariant).append(" consistent in every frame.");
    return new SceneScript(
        ScenePrompt.fitted(prompt.toString()),
        camera,
        lighting,
        invariant,
        caption(analysis, shot));
  }

  /** Subject colours first (what the brand is), then the background's. */
  static List<String> paletteHexes(BrandAnalysis analysis) {
    List<String> out = new ArrayList<>();
    for (PaletteColour colour : analysis.palette()) {
      if (colour.role() == Role.SUBJECT) {
        out.add(colour.hex());
      }
    }
    for (PaletteColour colour : analysis.palette()) {
      if (colour.role() == Role.BACKGROUND) {
        out.add(colour.hex());
      }
    }
    return out;
  }

  static String invariant(BrandAnalysis analysis) {
    String token =
        analysis.invariantElements().isEmpty()
            ? paletteHexes(analysis).getFirst() + " brand colour"
            : analysis.invariantElements().getFirst();
    return token.length() <= 120 ? token : token.substring(0, 120).strip();
  }

  static String lighting(BrandAnalysis analysis) {
    List<String> notes = new ArrayList<>();
    double brightness = analysis.look().brightness();
    if (brightness > 0.65) {
      notes.add("bright high-key softbox key");
    } else if (brightness < 0.35) {
      notes.add("low-key light with deep shadows");
    } else {
      notes.add("soft natural key from the left");
    }
    Lab lead = Lab.fromHex(paletteHexes(analysis).getFirst());
    if (ColourNames.warm(lead)) {
      notes.add("warm amber fill");
    } else if (ColourNames.cool(lead)) {
      notes.add("cool blue fill");
    } else {
      notes.add("neutral fill");
    }
    notes.add(ColourNames.name(lead) + " (" + paletteHexes(analysis).getFirst() + ") rim light");
    notes.add(analysis.look().contrast() >= 0.45 ? "crisp contrast" : "gentle contrast");
    return String.join(", ", notes);
  }

  private static String essence(BrandAnalysis analysis) {
    String essence = analysis.brandEssencePrompt().strip().replace(". ", "; ");
    while (essence.endsWith(".")) {
      essence = essence.substring(0, essence.length() - 1);
    }
    if (essence.isEmpty()) {
      return "the brand";
    }
    if (essence.length() > MAX_ESSENCE_CHARS) {
      int cut = essence.lastIndexOf(' ', MAX_ESSENCE_CHARS);
      essence = essence.substring(0, cut < 0 ? MAX_ESSENCE_CHARS : cut);
    }
    return Character.toLowerCase(essence.charAt(0)) + essence.substring(1);
  }

  /** A short on-screen line: about the wordmark when one was read, else the lead colour. */
  static String caption(BrandAnalysis analysis, Shot shot) {
    String words = analysis.text().text().replaceAll("\\s+", " ").strip();
    String line;
    if (!words.isEmpty()) {
      String brand = words.length() <= 40 ? words : words.substring(0, 40).strip();
      line =
          switch (shot) {
            case HERO -> "Meet " + brand + ".";
            case MACRO -> "Every detail, " + brand + ".";
            case LIFESTYLE -> brand + ", every day.";
            case REVEAL -> "Here is " + brand + ".";
            case FLAT_LAY -> "Everything " + brand + ".";
            case SILHOUETTE -> "Unmistakably " + brand + ".";
          };
    } else {
      String colour =
          ColourNames.name(Lab.fromHex(paletteHexes(analysis).getFirst())).toLowerCase(Locale.ROOT);
      line =
          switch (shot) {
            case HERO -> "Made in " + colour + ".";
            case MACRO -> "Every detail in " + colour + ".";
            case LIFESTYLE -> colour + ", every day.";
            case REVEAL -> "Here, in " + colour + ".";
            case FLAT_LAY -> "Everything in " + colour + ".";
            case SILHOUETTE -> "Unmistakably " + colour + ".";
          };
    }
    line = Character.toUpperCase(line.charAt(0)) + line.substring(1);
    return line.length() <= SceneScript.MAX_CAPTION_CHARS
        ? line
        : line.substring(0, SceneScript.MAX_CAPTION_CHARS - 1) + "…";
  }
}
