package dev.reelforge.providers.brandvision;

import dev.reelforge.core.brand.BrandAnalysis;
import dev.reelforge.core.brand.BrandAnalysis.Look;
import dev.reelforge.core.brand.BrandAnalysis.Quality;
import dev.reelforge.core.brand.BrandAnalysis.TextPresence;
import dev.reelforge.core.brand.BrandAnalysis.Texture;
import dev.reelforge.core.brand.Scores;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.providers.http.Json;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A vision model's answer in {@link BrandAnswerSchema}'s shape, checked, and its reading as a
 * {@link BrandAnalysis}. An answer that is not JSON, lacks a field, names no valid colour or gives
 * a score outside [0, 1] is a provider error ({@code EXTERNAL_API_ERROR}, retryable: the next
 * answer may be well formed) saying what was wrong.
 *
 * <p>What the model does not give is measured or set here, and documented in docs/providers.md: the
 * palette's shares and roles are counted on the image ({@link PaletteShares}); width, height and
 * resolution come from the decoded image; the tone, texture, sharpness and blockiness measures and
 * the text's coverage are not measured and stay at the neutral {@value #NEUTRAL} (coverage 0), the
 * model's integrity score standing for the image's quality.
 *
 * @param palette {@code #rrggbb} in lower case, most prominent first, no repeats
 * @param scores the four scores, rounded to two decimals
 * @param integrityReason the model's reason for the integrity score (may be empty)
 * @param essence the brand essence prompt
 * @param invariantElements the visual anchors
 * @param textSeen the lettering the model read, empty for none
 * @param mood a few words
 */
public record BrandAnswer(
    List<String> palette,
    Scores scores,
    String integrityReason,
    String essence,
    List<String> invariantElements,
    String textSeen,
    String mood) {

  /** The value of a measure a cloud analyser does not take: the middle of its range. */
  public static final double NEUTRAL = 0.5;

  /** More colours than this say nothing more about a brand. */
  static final int MAX_COLOURS = 8;

  static final int MAX_INVARIANTS = 8;

  /**
   * Reads the answer's text.
   *
   * @param vendor the vendor's name as people know it ({@code Gemini}), for messages
   * @throws ReelForgeException {@code EXTERNAL_API_ERROR} (retryable) when it does not fit
   */
  public static BrandAnswer parse(String content, String vendor) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(stripFence(content));
    } catch (RuntimeException e) {
      throw malformed(vendor, "it is not JSON", e);
    }
    if (root == null || !root.isObject()) {
      throw malformed(vendor, "it is not a JSON object", null);
    }
    List<String> palette = palette(root.path("palette"), vendor);
    JsonNode scores = root.path("scores");
    Scores parsed =
        new Scores(
            score(scores, "physics", vendor),
            score(scores, "vibe", vendor),
            score(scores, "logic", vendor),
            score(scores, "integrity", vendor));
    String essence = text(root, "brand_essence_prompt");
    if (essence.isEmpty()) {
      throw malformed(vendor, "brand_essence_prompt is missing or blank", null);
    }
    List<String> invariants = new ArrayList<>();
    for (JsonNode item : root.path("invariant_elements")) {
      String element = item.asString("").strip();
      if (!element.isEmpty() && invariants.size() < MAX_INVARIANTS) {
        invariants.add(element);
      }
    }
    return new BrandAnswer(
        palette,
        parsed,
        text(root, "integrity_reason"),
        essence,
        invariants,
        text(root, "text_seen"),
        text(root, "mood"));
  }

  /**
   * The analysis of {@code image} this answer gives.
   *
   * @param analyzer e.g. {@code gemini/gemini-2.5-flash}
   */
  public BrandAnalysis toAnalysis(BrandImage image, String analyzer) {
    int shortSide = Math.min(image.width(), image.height());
    Optional<String> flagged =
        scores.belowIntegrityFloor()
            ? Optional.of(
                "integrity "
                    + scores.integrity()
                    + " is below "
                    + Scores.INTEGRITY_FLOOR
                    + ": "
                    + (integrityReason.isEmpty()
                        ? "the model judged the image unfit to build a brand video on"
                        : integrityReason))
            : Optional.empty();
    return new BrandAnalysis(
        PaletteShares.measure(image.pixels(), palette),
        new Look(NEUTRAL, NEUTRAL, NEUTRAL, NEUTRAL),
        new Texture(NEUTRAL, NEUTRAL),
        textSeen.isEmpty()
            ? TextPresence.none(analyzer)
            : new TextPresence(true, textSeen, 0, analyzer),
        new Quality(
            image.width(), image.height(), NEUTRAL, NEUTRAL, Math.min(1, shortSide / 1024.0)),
        scores,
        essenceWithMood(),
        invariantElements,
        flagged,
        analyzer);
  }

  /** The mood goes into the essence, which is what later prompts carry, unless it is there. */
  private String essenceWithMood() {
    if (mood.isEmpty()
        || essence.toLowerCase(Locale.ROOT).contains(mood.toLowerCase(Locale.ROOT))) {
      return essence;
    }
    String stop = essence.endsWith(".") ? " " : ". ";
    return essence + stop + "Mood: " + mood + (mood.endsWith(".") ? "" : ".");
  }

  private static List<String> palette(JsonNode items, String vendor) {
    Set<String> colours = new LinkedHashSet<>();
    for (JsonNode item : items) {
      hex(item.asString("")).ifPresent(colours::add);
    }
    if (colours.isEmpty()) {
      throw malformed(vendor, "palette names no #rrggbb colour", null);
    }
    return List.copyOf(colours).subList(0, Math.min(colours.size(), MAX_COLOURS));
  }

  /** {@code #RRGGBB}, {@code RRGGBB} and {@code #RGB} in any case, as {@code #rrggbb}. */
  static Optional<String> hex(String value) {
    String hex = value.strip().toLowerCase(Locale.ROOT);
    if (hex.startsWith("#")) {
      hex = hex.substring(1);
    }
    if (hex.matches("[0-9a-f]{3}")) {
      hex =
          new String(
              new char[] {
                hex.charAt(0),
                hex.charAt(0),
                hex.charAt(1),
                hex.charAt(1),
                hex.charAt(2),
                hex.charAt(2)
              });
    }
    return hex.matches("[0-9a-f]{6}") ? Optional.of("#" + hex) : Optional.empty();
  }

  private static double score(JsonNode scores, String name, String vendor) {
    JsonNode value = scores.path(name);
    if (!value.isNumber()) {
      throw malformed(vendor, "scores." + name + " is missing or not a number", null);
    }
    double score = value.asDouble();
    if (!(score >= 0 && score <= 1)) {
      throw malformed(vendor, "scores." + name + " is " + score + ", not within [0, 1]", null);
    }
    return Scores.round2(score);
  }

  private static String text(JsonNode root, String field) {
    return root.path(field).asString("").strip();
  }

  /** Some models wrap JSON in a Markdown fence even when asked for JSON. */
  private static String stripFence(String content) {
    String stripped = content == null ? "" : content.strip();
    if (stripped.startsWith("```")) {
      stripped = stripped.replaceFirst("^```(?:json)?\\s*", "").replaceFirst("\\s*```$", "");
    }
    return stripped;
  }

  private static ReelForgeException malformed(String vendor, String why, Throwable cause) {
    return new ReelForgeException(
        ErrorCode.EXTERNAL_API_ERROR,
        vendor + "'s brand analysis does not fit the requested schema: " + why,
        true,
        List.of(),
        cause);
  }
}
