package dev.reelforge.core.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Price estimates per unit, in US dollars. Seed 004 §8 gives three (text per 1K tokens, image per
 * picture, video per second); the others are the providers' published list prices at the time of
 * writing. They are estimates for budgets and dashboards, not invoices.
 */
public final class Prices {

  /** Seed 004 §8: text generation, per 1,000 tokens. */
  public static final BigDecimal TEXT_PER_1K_TOKENS = new BigDecimal("0.0005");

  /** Seed 004 §8: one generated image. */
  public static final BigDecimal IMAGE_EACH = new BigDecimal("0.02");

  /** Seed 004 §8: one second of generated video. */
  public static final BigDecimal VIDEO_PER_SECOND = new BigDecimal("0.10");

  /** OpenAI tts-1: $15 per million characters. */
  public static final BigDecimal OPENAI_SPEECH_PER_1K_CHARS = new BigDecimal("0.015");

  /** ElevenLabs: about $0.30 per 1,000 characters on the Creator plan's overage. */
  public static final BigDecimal ELEVENLABS_PER_1K_CHARS = new BigDecimal("0.30");

  /** Stock search (Pexels, Pixabay) and moderation are free of charge. */
  public static final BigDecimal FREE = BigDecimal.ZERO;

  private Prices() {}

  /** {@code quantity} units at {@code pricePerThousand} per 1,000, to 6 decimal places. */
  public static BigDecimal perThousand(long quantity, BigDecimal pricePerThousand) {
    return pricePerThousand
        .multiply(BigDecimal.valueOf(quantity))
        .divide(BigDecimal.valueOf(1000), 6, RoundingMode.HALF_UP);
  }

  /** {@code quantity} units at {@code each}. */
  public static BigDecimal times(long quantity, BigDecimal each) {
    return each.multiply(BigDecimal.valueOf(quantity)).setScale(6, RoundingMode.HALF_UP);
  }
}
