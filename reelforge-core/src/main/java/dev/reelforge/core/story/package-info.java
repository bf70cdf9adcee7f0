/**
 * The story pipeline's pure parts: how narration timings are shared among beats and how a script,
 * its narration, visuals and music become a {@link dev.reelforge.core.timeline.Timeline}.
 */
package dev.reelforge.core.story;
