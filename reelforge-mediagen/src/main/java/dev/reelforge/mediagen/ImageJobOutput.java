package dev.reelforge.mediagen;

import java.math.BigDecimal;

/**
 * A finished image job: what its run keeps as its artifact.
 *
 * @param imageKey the PNG's store key
 * @param thumbKey the 256-pixel JPEG's store key
 * @param width the picture's pixels
 * @param height the picture's pixels
 * @param model the engine and model that made it
 * @param estimatedCostUsd seed 004 §8's estimate
 */
public record ImageJobOutput(
    String imageKey,
    String thumbKey,
    int width,
    int height,
    String model,
    BigDecimal estimatedCostUsd) {}
