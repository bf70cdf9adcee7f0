package dev.reelforge.core.moderation.gate;

import java.nio.file.Path;
import java.util.List;

/**
 * Takes the frames of a clip that the gate checks as pictures. The media module implements it with
 * FFmpeg; a sampler that cannot read a clip throws, and the gate's caller says so.
 */
@FunctionalInterface
public interface FrameSampler {

  /** Frames of {@code clip} written as pictures into {@code dir}, in time order. */
  List<Path> frames(Path clip, Path dir);
}
