package dev.reelforge.brand;

import dev.reelforge.core.error.ReelForgeException;
import java.util.Locale;

/**
 * Seed 001's production engines, by the names its API and schema use, and the video engine each
 * maps to in this installation ({@code GEMINI_PRO} is Google Veo).
 */
public enum ProductionEngine {
  KLING("kling", "physics", "1:1"),
  LUMA("luma", "vibe", "1:1"),
  GEMINI_PRO("veo", "logic", "16:9");

  private final String engine;
  private final String score;
  private final String clipAspect;

  ProductionEngine(String engine, String score, String clipAspect) {
    this.engine = engine;
    this.score = score;
    this.clipAspect = clipAspect;
  }

  /**
   * The shape of the scene clips it makes: square, which crops equally well into 9:16, 16:9 and
   * 1:1; Veo makes no square clips, so 16:9 there.
   */
  public String clipAspect() {
    return clipAspect;
  }

  /** The video engine's name ({@code core.videogen.VideoGenerator#name()}). */
  public String engine() {
    return engine;
  }

  /** The score that routes to it. */
  public String score() {
    return score;
  }

  /**
   * Parses the API's value.
   *
   * @throws ReelForgeException VALIDATION_ERROR on {@code field} for anything else
   */
  public static ProductionEngine parse(String value, String field) {
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (RuntimeException e) {
      throw ReelForgeException.invalidField(field, "must be KLING, LUMA or GEMINI_PRO");
    }
  }
}
