package dev.reelforge.core.render;

import java.nio.file.Path;

/**
 * What one preset of a render produced.
 *
 * @param video the MP4 (H.264 + AAC, yuv420p, index at the front)
 * @param thumbnail a JPEG of the sharpest visual with the hook title, at the preset's size
 * @param srt SubRip captions
 * @param vtt WebVTT captions with per-word timestamps
 * @param durationMillis the video's length
 * @param bytes the MP4's size
 */
public record RenderedOutput(
    RenderPreset preset,
    Path video,
    Path thumbnail,
    Path srt,
    Path vtt,
    long durationMillis,
    long bytes) {}
