package dev.reelforge.clips.internal.highlight;

import java.util.List;
import java.util.function.Supplier;

/**
 * A stretch of whole sentences that could become a clip, with its score in [0,1] and the reasons
 * behind it, strongest first (worked out when asked for).
 */
public record Candidate(
    int firstSentence, int lastSentence, double score, Supplier<List<String>> reasons) {}
