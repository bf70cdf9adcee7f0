package dev.reelforge.brand.archfixture;

import dev.reelforge.core.brand.BrandStore;
import dev.reelforge.mediagen.MediaJobs;

/**
 * A deliberate violation: the brand feature reaching into the media jobs feature instead of its
 * {@code SceneVideos} port.
 */
public class BrandClassThatUsesMediaJobs {
  MediaJobs otherFeature;
  // Allowed: a core port.
  BrandStore store;
}
