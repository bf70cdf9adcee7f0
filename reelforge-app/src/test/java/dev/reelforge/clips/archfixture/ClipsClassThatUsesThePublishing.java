package dev.reelforge.clips.archfixture;

import dev.reelforge.core.clips.ClipStore;
import dev.reelforge.publish.Publications;

/**
 * A deliberate violation: the clips feature posting its clips through the publishing feature
 * instead of a port of its own.
 */
public class ClipsClassThatUsesThePublishing {
  Publications otherFeature;
  // Allowed: a core port.
  ClipStore store;
}
