package dev.reelforge.brand;

import java.util.UUID;

/** What a storyboard run is given: the storyboard, and whether to remake the style reference. */
record StoryboardInput(UUID storyboardId, boolean forceRemaster) {}
