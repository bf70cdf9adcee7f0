package dev.reelforge.testkit.brand.stub;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the vision stubs "see": the dominant colours of the picture they were sent (the pixels of a
 * coarse grid binned at 4 bits a channel, the largest bins' average colours, most frequent first),
 * and scores, text and an integrity reason the test sets. The answer holds the fields the brand
 * analysers ask for; a response schema then keeps only the properties it names, in its order, as a
 * constrained decoder would.
 */
final class StubBrandModel {

  private static final int GRID = 64;
  private static final int COLOURS = 4;

  private volatile double physics = 0.82;
  private volatile double vibe = 0.55;
  private volatile double logic = 0.35;
  private volatile double integrity = 0.9;
  private volatile String integrityReason = "A clean, well-lit brand image.";
  private volatile String textSeen = "";

  void scores(double physics, double vibe, double logic, double integrity, String reason) {
    this.physics = physics;
    this.vibe = vibe;
    this.logic = logic;
    this.integrity = integrity;
    this.integrityReason = reason;
  }

  void textSeen(String text) {
    this.textSeen = text;
  }

  /** The answer for {@code picture} (null when none was sent: a grey, unusable answer). */
  ObjectNode answer(BufferedImage picture) {
    List<String> palette = picture == null ? List.of("#808080") : palette(picture);
    ObjectNode answer = StubJson.object();
    ArrayNode colours = answer.putArray("palette");
    palette.forEach(colours::add);
    ObjectNode scores = answer.putObject("scores");
    scores.put("physics", picture == null ? 0 : physics);
    scores.put("vibe", picture == null ? 0 : vibe);
    scores.put("logic", picture == null ? 0 : logic);
    scores.put("integrity", picture == null ? 0.05 : integrity);
    answer.put("integrity_reason", picture == null ? "No image was given." : integrityReason);
    String lead = palette.getFirst();
    String accent = palette.size() > 1 ? palette.get(1) : lead;
    answer.put(
        "brand_essence_prompt",
        "A crisp brand mark in "
            + accent
            + " on "
            + lead
            + ", clean studio light, minimal composition, premium finish");
    ArrayNode invariants = answer.putArray("invariant_elements");
    invariants.add("the mark's silhouette in " + accent);
    invariants.add("a " + lead + " field");
    answer.put("text_seen", textSeen);
    answer.put(
        "mood", brightness(picture) > 0.5 ? "bright, clean, confident" : "dark, moody, bold");
    return answer;
  }

  /**
   * {@code answer} cut to the properties {@code schema} names at its root, in its order ({@code
   * propertyOrdering} for Gemini, else the order of {@code properties}); all of it without a
   * schema.
   */
  static ObjectNode constrained(ObjectNode answer, JsonNode schema) {
    if (schema == null || !schema.path("properties").isObject()) {
      return answer;
    }
    List<String> order = new ArrayList<>();
    schema.path("propertyOrdering").forEach(name -> order.add(name.asString()));
    schema
        .path("properties")
        .propertyNames()
        .forEach(
            name -> {
              if (!order.contains(name)) {
                order.add(name);
              }
            });
    ObjectNode kept = StubJson.object();
    for (String name : order) {
      if (answer.has(name)) {
        kept.set(name, answer.get(name));
      }
    }
    return kept;
  }

  private static List<String> palette(BufferedImage picture) {
    Map<Integer, long[]> bins = new HashMap<>();
    int columns = Math.min(GRID, picture.getWidth());
    int rows = Math.min(GRID, picture.getHeight());
    for (int row = 0; row < rows; row++) {
      for (int column = 0; column < columns; column++) {
        int rgb =
            picture.getRGB(
                (int) ((column + 0.5) * picture.getWidth() / columns),
                (int) ((row + 0.5) * picture.getHeight() / rows));
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        long[] bin =
            bins.computeIfAbsent((r >> 4) << 8 | (g >> 4) << 4 | (b >> 4), k -> new long[4]);
        bin[0]++;
        bin[1] += r;
        bin[2] += g;
        bin[3] += b;
      }
    }
    return bins.values().stream()
        .sorted(Comparator.comparingLong((long[] bin) -> bin[0]).reversed())
        .limit(COLOURS)
        .map(
            bin ->
                String.format(
                    Locale.ROOT,
                    "#%02x%02x%02x",
                    Math.round((double) bin[1] / bin[0]),
                    Math.round((double) bin[2] / bin[0]),
                    Math.round((double) bin[3] / bin[0])))
        .toList();
  }

  private static double brightness(BufferedImage picture) {
    if (picture == null) {
      return 0.5;
    }
    int rgb = picture.getRGB(picture.getWidth() / 2, picture.getHeight() / 2);
    int corner = picture.getRGB(0, 0);
    return (luma(rgb) + luma(corner)) / 2;
  }

  private static double luma(int rgb) {
    return (0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF))
        / 255;
  }
}
