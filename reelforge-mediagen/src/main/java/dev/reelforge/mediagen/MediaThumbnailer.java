package dev.reelforge.mediagen;

import java.nio.file.Path;

/**
 * Makes the 256-pixel JPEG that goes with every output (seed 004 §6): the app adapts media's
 * thumbnails (FFmpeg for a clip's frame) to it.
 */
public interface MediaThumbnailer {

  /** The longest side of a thumbnail, in pixels. */
  int MAX_SIDE = 256;

  /** Writes a JPEG of {@code png} whose longest side is {@link #MAX_SIDE} to {@code jpg}. */
  void ofImage(Path png, Path jpg);

  /** Writes a JPEG of a frame of {@code mp4} whose longest side is {@link #MAX_SIDE}. */
  void ofClip(Path mp4, Path jpg);
}
