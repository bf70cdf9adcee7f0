package dev.reelforge.mediagen;

import java.math.BigDecimal;
import java.util.List;

/**
 * A finished video job: what its run keeps as its artifact.
 *
 * @param clipKey the MP4's store key
 * @param thumbKey the 256-pixel JPEG's store key (its first frame)
 * @param width the clip's pixels
 * @param height the clip's pixels
 * @param durationS its length as measured
 * @param engine the engine that made it
 * @param model the engine's model
 * @param fallbackUsed whether an engine after the first of the chain made it
 * @param enginesTried every engine asked, in order, the last being {@code engine}
 * @param estimatedCostUsd seed 004 §8's estimate for its length
 */
public record VideoJobOutput(
    String clipKey,
    String thumbKey,
    int width,
    int height,
    double durationS,
    String engine,
    String model,
    boolean fallbackUsed,
    List<String> enginesTried,
    BigDecimal estimatedCostUsd) {}
