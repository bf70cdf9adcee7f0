/**
 * Visuals for beats: the {@link dev.reelforge.core.visuals.VisualSource} port (search, then fetch
 * the chosen candidate with its licence) and the fallback chain that always finds one.
 */
package dev.reelforge.core.visuals;
