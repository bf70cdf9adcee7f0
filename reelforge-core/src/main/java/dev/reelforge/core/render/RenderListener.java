package dev.reelforge.core.render;

/** Told how a render is getting on; called from the rendering thread, so keep it quick. */
@FunctionalInterface
public interface RenderListener {

  RenderListener NONE = (fraction, step) -> {};

  /**
   * @param fraction the share of the work done, from 0 to 1, never going backwards
   * @param step what is being done, e.g. {@code "tiktok: segment 3 of 8"}
   */
  void progress(double fraction, String step);
}
