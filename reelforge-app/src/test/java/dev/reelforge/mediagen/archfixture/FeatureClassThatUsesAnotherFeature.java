package dev.reelforge.mediagen.archfixture;

import dev.reelforge.core.videogen.VideoGenerator;
import dev.reelforge.story.StoryMaker;

/** A deliberate violation, used only to prove that the rules hold each feature on its own. */
public class FeatureClassThatUsesAnotherFeature {
  StoryMaker otherFeature;
  // Allowed: a core port.
  VideoGenerator engine;
}
