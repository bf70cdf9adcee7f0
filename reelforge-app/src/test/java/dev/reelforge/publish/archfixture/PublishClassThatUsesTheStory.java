package dev.reelforge.publish.archfixture;

import dev.reelforge.core.publish.PublicationStore;
import dev.reelforge.story.session.StorySessions;

/**
 * A deliberate violation: the publishing feature reading the story feature's sessions instead of
 * its {@code PublishSources} port.
 */
public class PublishClassThatUsesTheStory {
  StorySessions otherFeature;
  // Allowed: a core port.
  PublicationStore store;
}
