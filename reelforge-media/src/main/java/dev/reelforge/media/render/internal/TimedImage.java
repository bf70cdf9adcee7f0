package dev.reelforge.media.render.internal;

import java.nio.file.Path;

/**
 * A picture laid over a segment at a position for a range of the segment's frames.
 *
 * @param file the PNG
 * @param contentKey what decides the picture's pixels, for the segment's cache key
 * @param x left edge in the frame
 * @param y top edge in the frame
 * @param fromFrame the first frame it shows on, counted from the segment's start
 * @param toFrame the frame it stops showing on (exclusive)
 */
public record TimedImage(Path file, String contentKey, int x, int y, int fromFrame, int toFrame) {}
